import Foundation

/// One running PySpark driver (recbook's `SparkDriverScript`), spoken to over its standard input
/// and output in JSON lines: no port is opened. The first line it writes says Spark is up; after
/// that each `call` writes one request and reads its one reply, waiting at most a timeout.
///
/// A driver that exits is noticed at once (its output ends), one that stops answering is stopped
/// after the timeout, and one that answers outside the protocol is stopped too; each says so
/// with the end of its log. A request that fails inside Spark is an error reply, and the driver
/// stays usable. `stop()` (also on deinit) asks it to stop Spark, then terminates it if it has not
/// exited within a few seconds. The driver exits by itself when recbook dies, and pyspark's JVM
/// with it, so nothing outlives an interrupted render.
///
/// Foundation's `Process` rather than swift-subprocess: a driver lives across many synchronous
/// cells, and Subprocess ties a child to one async closure, which would put every reply behind
/// Swift's cooperative threads (a render or a test run can keep them busy for minutes).
public final class SparkDriver {
    /// How to start a driver.
    public struct Launch: Sendable {
        public var executable: String
        public var arguments: [String]
        public var environment: [String: String]
        /// The driver's standard error (its log, the JVM's too) goes here.
        public var logFile: String
        /// The master it is told to use, for messages.
        public var master: String

        public init(
            executable: String, arguments: [String], environment: [String: String], logFile: String, master: String
        ) {
            self.master = master
            self.executable = executable
            self.arguments = arguments
            self.environment = environment
            self.logFile = logFile
        }
    }

    /// The master Spark runs on, as Spark reports it.
    public private(set) var master = ""
    public private(set) var sparkVersion = ""
    /// Starting the JVM and the Spark session, as the driver measured it.
    public private(set) var startupSeconds = 0.0
    public let logFile: String

    private let process: Process
    private let requests: FileHandle
    private var replies: LineReader
    private var lastID = 0
    /// Set once the driver has exited, timed out or broken the protocol.
    private var broken: SparkError?

    /// Starts the driver and waits for Spark to come up (an unreachable master fails within
    /// `startTimeout`, never hangs).
    public init(_ launch: Launch, startTimeout: Duration = .seconds(180)) throws(SparkError) {
        // A write to a driver that has died must be an error here, not the end of recbook.
        signal(SIGPIPE, SIG_IGN)
        logFile = launch.logFile
        guard FileManager.default.createFile(atPath: launch.logFile, contents: nil),
            let log = FileHandle(forWritingAtPath: launch.logFile)
        else {
            throw .cannotWrite(path: launch.logFile, reason: "cannot create the Spark driver's log there")
        }
        let input = Pipe()
        let output = Pipe()
        process = Process()
        process.executableURL = URL(fileURLWithPath: launch.executable)
        process.arguments = launch.arguments
        process.environment = launch.environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = log
        do {
            try process.run()
        } catch {
            throw .driverFailed(reason: "could not be started (\(launch.executable): \(error.localizedDescription))", log: "")
        }
        try? log.close()
        // Only the driver may hold the write end of its output: then its exit ends the stream.
        try? output.fileHandleForWriting.close()
        try? input.fileHandleForReading.close()
        requests = input.fileHandleForWriting
        replies = LineReader(output.fileHandleForReading)

        let hello: DriverMessage.Hello
        do {
            hello = try reply(to: "the start of Spark", id: 0, as: DriverMessage.Hello.self, timeout: startTimeout)
        } catch {
            end()
            if case .requestFailed(_, let message) = error {
                throw .driverFailed(
                    reason: "could not start Spark on \(launch.master): \(message)", log: Self.tail(of: logFile))
            }
            throw error
        }
        master = hello.master
        sparkVersion = hello.sparkVersion
        startupSeconds = hello.startupSeconds
    }

    deinit { stop() }

    /// Whether the driver can take requests (it has not exited, timed out or broken the protocol).
    public var isUsable: Bool { broken == nil && process.isRunning }

    /// Sends `operation` with `arguments` and returns the driver's result.
    public func call<Arguments: Encodable, Result: Decodable>(
        _ operation: String, _ arguments: Arguments, returning: Result.Type, timeout: Duration
    ) throws(SparkError) -> Result {
        if let broken { throw broken }
        lastID += 1
        let request = DriverMessage.Request(id: lastID, op: operation, args: arguments)
        guard var line = try? JSONEncoder().encode(request) else {
            throw .protocolError("the `\(operation)` request could not be encoded")
        }
        line.append(0x0A)
        do {
            try requests.write(contentsOf: line)
        } catch {
            throw fail(
                .driverFailed(reason: "\(exitDescription()) before it was sent `\(operation)`", log: Self.tail(of: logFile)))
        }
        return try reply(to: "`\(operation)`", id: lastID, as: Result.self, timeout: timeout)
    }

    /// Asks the driver to stop Spark and exit; terminates it when it has not within 10 s.
    public func stop() {
        guard process.isRunning else { return }
        if broken == nil {
            _ = try? call("stop", DriverMessage.Empty(), returning: DriverMessage.Empty.self, timeout: .seconds(10))
        }
        end(grace: .seconds(10))
    }

    /// Reads the reply numbered `id`; a driver that failed is stopped and remembered as broken.
    private func reply<Result: Decodable>(
        to what: String, id: Int, as: Result.Type, timeout: Duration
    ) throws(SparkError) -> Result {
        let text: String
        switch replies.next(until: .now + timeout) {
        case .line(let line): text = line
        case .endOfStream:
            _ = waitForExit(within: .seconds(5))
            throw fail(
                .driverFailed(reason: "\(exitDescription()) while recbook waited for \(what)", log: Self.tail(of: logFile)))
        case .timedOut:
            throw fail(
                .driverTimedOut(waitingFor: what, seconds: Int(timeout.components.seconds), log: Self.tail(of: logFile)))
        case .tooLong:
            throw fail(.protocolError("its reply to \(what) is longer than \(LineReader.maximumLine) bytes"))
        }
        let data = Data(text.utf8)
        guard let header = try? JSONDecoder().decode(DriverMessage.ReplyHeader.self, from: data) else {
            throw fail(.protocolError("its reply to \(what) is not a protocol message: \(text.prefix(200))"))
        }
        guard header.v == SparkDriverScript.protocolVersion else {
            throw fail(
                .protocolError("it speaks protocol version \(header.v), recbook \(SparkDriverScript.protocolVersion)"))
        }
        guard header.id == id else {
            throw fail(
                .protocolError("it answered request \(header.id.map(String.init) ?? "null") when recbook waited for \(id)"))
        }
        guard header.ok else {
            throw .requestFailed(operation: what, message: header.error ?? "no reason given")
        }
        guard let reply = try? JSONDecoder().decode(DriverMessage.Reply<Result>.self, from: data) else {
            throw fail(.protocolError("its reply to \(what) does not carry the expected result: \(text.prefix(200))"))
        }
        return reply.result
    }

    /// Remembers `error` as the reason the driver is unusable, and stops the driver.
    private func fail(_ error: SparkError) -> SparkError {
        broken = error
        end()
        return error
    }

    /// Closes the driver's input (it exits at the end of it), then terminates it, then kills it.
    private func end(grace: Duration = .seconds(2)) {
        try? requests.close()
        if waitForExit(within: grace) { return }
        process.terminate()
        if waitForExit(within: .seconds(5)) { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private func waitForExit(within limit: Duration) -> Bool {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            guard ContinuousClock.now < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }

    private func exitDescription() -> String {
        guard !process.isRunning else { return "stopped answering" }
        switch process.terminationReason {
        case .exit: return "exited with status \(process.terminationStatus)"
        case .uncaughtSignal: return "was killed by signal \(process.terminationStatus)"
        @unknown default: return "exited"
        }
    }

    /// The last lines of the driver's log, without Java's stack frames (`at ...`, `... N more`).
    static func tail(of logFile: String, lines: Int = 15) -> String {
        guard let data = FileManager.default.contents(atPath: logFile) else { return "" }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { line in
                let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                return !(trimmed.count < line.count && (trimmed.hasPrefix("at ") || trimmed.hasPrefix("...")))
            }
            .suffix(lines).joined(separator: "\n")
    }
}
