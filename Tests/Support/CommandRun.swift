import Foundation

/// Runs the built `recbook` binary the way a user does, capturing its exit status and output.
public struct CommandRun: Sendable {
    public var status: Int32
    public var output: String
    public var errors: String

    /// - Parameter environment: variables set on top of the test's own environment.
    public static func recbook(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws
        -> CommandRun
    {
        let process = Process()
        process.executableURL = TestPaths.recbook
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandRun(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }
}
