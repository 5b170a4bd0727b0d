import Foundation
import RecTestSupport
import Testing

/// `scripts/lint-unsafe.sh` (run by `make lint`): `concurrentPerform` only in ParallelChunks,
/// `Unsafe` only in the files its allow-list names.
@Suite struct LintUnsafeScriptTests {
    struct Outcome {
        var status: Int32
        var output: String
    }

    /// Runs the script on `sources`.
    static func lint(_ sources: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [TestPaths.repository.appendingPathComponent("scripts/lint-unsafe.sh").path, sources.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// A copy of the repository's Sources folder to plant code in.
    static func copyOfSources() throws -> URL {
        let copy = try TestPaths.temporaryFolder().appendingPathComponent("Sources")
        try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent("Sources"), to: copy)
        return copy
    }

    static func append(_ text: String, to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func theRepositoryPasses() throws {
        let outcome = try Self.lint(TestPaths.repository.appendingPathComponent("Sources"))
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    @Test func aPlantedConcurrentPerformFailsNamingFileAndLine() throws {
        let sources = try Self.copyOfSources()
        let file = sources.appendingPathComponent("RecEngine/Evaluation/HeldOutErrors.swift")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try Self.append("\nfunc planted() { DispatchQueue.concurrentPerform(iterations: 2) { _ in } }\n", to: file)
        let outcome = try Self.lint(sources)
        #expect(outcome.status == 1)
        #expect(
            outcome.output.contains(
                "\(sources.path)/RecEngine/Evaluation/HeldOutErrors.swift:\(lines.count + 1): concurrentPerform outside"),
            "\(outcome.output)")
    }

    @Test func unsafeOutsideTheAllowListFailsAndAStaleEntryToo() throws {
        let sources = try Self.copyOfSources()
        try Data("let planted: UnsafePointer<Int>? = nil\n".utf8).write(
            to: sources.appendingPathComponent("RecNotebook/Planted.swift"))
        try FileManager.default.removeItem(at: sources.appendingPathComponent("RecEngine/Math/DisjointWrites.swift"))
        let outcome = try Self.lint(sources)
        #expect(outcome.status == 1)
        #expect(outcome.output.contains("\(sources.path)/RecNotebook/Planted.swift:1: Unsafe outside the allow-list"))
        #expect(outcome.output.contains("\(sources.path)/RecEngine/Math/DisjointWrites.swift: on the Unsafe allow-list"))
    }
}
