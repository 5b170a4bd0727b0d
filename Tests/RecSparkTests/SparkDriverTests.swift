import Foundation
import RecTestSupport
import Testing

@testable import RecSpark

/// The driver protocol against fake peers (a small Python program that misbehaves on request)
/// and against recbook's real driver program with a stand-in pyspark, so no JVM is needed.
@Suite struct SparkDriverTests {
    /// A peer that says hello, then echoes each request's arguments, unless `mode` says otherwise.
    static let fakePeer = """
        import json, sys, time
        mode = sys.argv[1]
        def send(message):
            sys.stdout.write(json.dumps(message) + "\\n")
            sys.stdout.flush()
        if mode == "dies-at-once":
            sys.stderr.write("java.lang.OutOfMemoryError: Java heap space\\n")
            sys.exit(3)
        if mode == "cannot-start":
            send({"v": 1, "id": 0, "ok": False, "error": "Spark did not start: master spark://nowhere:7077 unreachable"})
            sys.exit(1)
        if mode == "silent":
            time.sleep(60)
        send({"v": 1, "id": 0, "ok": True, "result": {"master": "local[1]", "spark_version": "fake", "startup_seconds": 0.5}})
        for line in sys.stdin:
            request = json.loads(line)
            number = request["id"]
            if request["op"] == "stop":
                send({"v": 1, "id": number, "ok": True, "result": {}})
                break
            if request["op"] == "fail":
                send({"v": 1, "id": number, "ok": False, "error": "no such table"})
            elif mode == "garbage":
                sys.stdout.write("garbage\\n")
                sys.stdout.flush()
            elif mode == "dies-mid-request":
                sys.stderr.write("lost the executor\\n")
                sys.exit(3)
            elif mode == "hangs":
                time.sleep(60)
            elif mode == "wrong-id":
                send({"v": 1, "id": number + 5, "ok": True, "result": {}})
            elif mode == "other-version":
                send({"v": 2, "id": number, "ok": True, "result": {}})
            else:
                send({"v": 1, "id": number, "ok": True, "result": {"echo": request["args"]}})
        """

    struct Echo: Codable, Equatable { var x: Int }
    struct Echoed: Decodable { var echo: Echo }

    static func fake(_ mode: String, startTimeout: Duration = .seconds(30)) throws -> SparkDriver {
        let folder = try TestPaths.temporaryFolder().path
        try Data(fakePeer.utf8).write(to: URL(fileURLWithPath: folder + "/peer.py"))
        return try SparkDriver(
            SparkDriver.Launch(
                executable: "/usr/bin/python3", arguments: [folder + "/peer.py", mode],
                environment: ProcessInfo.processInfo.environment, logFile: folder + "/driver.log",
                master: "local[1]"),
            startTimeout: startTimeout)
    }

    static func echo(_ driver: SparkDriver, _ x: Int, timeout: Duration = .seconds(30)) throws(SparkError) -> Echo {
        try driver.call("echo", Echo(x: x), returning: Echoed.self, timeout: timeout).echo
    }

    @Test func requestsAreAnsweredInOrderAndStopEndsTheDriver() throws {
        let driver = try Self.fake("echo")
        #expect(driver.master == "local[1]" && driver.sparkVersion == "fake" && driver.startupSeconds == 0.5)
        #expect(try Self.echo(driver, 1) == Echo(x: 1))
        #expect(try Self.echo(driver, 2) == Echo(x: 2))
        driver.stop()
        #expect(!driver.isUsable)
    }

    @Test func anErrorReplyFailsTheRequestAndTheSessionGoesOn() throws {
        let driver = try Self.fake("echo")
        defer { driver.stop() }
        #expect(throws: SparkError.requestFailed(operation: "`fail`", message: "no such table")) {
            try driver.call("fail", DriverMessage.Empty(), returning: DriverMessage.Empty.self, timeout: .seconds(30))
        }
        #expect(driver.isUsable)
        #expect(try Self.echo(driver, 3) == Echo(x: 3))
    }

    @Test func aReplyThatIsNotTheProtocolStopsTheDriver() throws {
        for (mode, reason) in [
            ("garbage", "its reply to `echo` is not a protocol message: garbage"),
            ("wrong-id", "it answered request 6 when recbook waited for 1"),
            ("other-version", "it speaks protocol version 2, recbook 1"),
        ] {
            let driver = try Self.fake(mode)
            #expect(throws: SparkError.protocolError(reason)) { try Self.echo(driver, 1) }
            #expect(!driver.isUsable)
            #expect(throws: SparkError.protocolError(reason), "a broken driver stays broken") { try Self.echo(driver, 2) }
        }
    }

    @Test func aDriverThatExitsMidRequestIsNoticedAtOnceWithItsLog() throws {
        let driver = try Self.fake("dies-mid-request")
        let started = ContinuousClock.now
        #expect(
            throws: SparkError.driverFailed(
                reason: "exited with status 3 while recbook waited for `echo`", log: "lost the executor")
        ) { try Self.echo(driver, 1, timeout: .seconds(600)) }
        #expect(ContinuousClock.now - started < .seconds(60), "noticed by the end of its output, not the timeout")
    }

    @Test func aDriverThatStopsAnsweringTimesOutAndIsStopped() throws {
        let driver = try Self.fake("hangs")
        #expect(
            throws: SparkError.driverTimedOut(waitingFor: "`echo`", seconds: 1, log: "")
        ) { try Self.echo(driver, 1, timeout: .seconds(1)) }
        #expect(!driver.isUsable)
    }

    @Test func aDriverThatCannotStartSparkSaysWhy() throws {
        #expect(
            throws: SparkError.driverFailed(
                reason: "exited with status 3 while recbook waited for the start of Spark",
                log: "java.lang.OutOfMemoryError: Java heap space")
        ) { try Self.fake("dies-at-once") }
        #expect(
            throws: SparkError.driverFailed(
                reason: "could not start Spark on local[1]: Spark did not start: master spark://nowhere:7077 unreachable", log: ""
            )
        ) { try Self.fake("cannot-start") }
        #expect(
            throws: SparkError.driverTimedOut(waitingFor: "the start of Spark", seconds: 1, log: "")
        ) { try Self.fake("silent", startTimeout: .seconds(1)) }
    }

    /// recbook's own driver program, on a pyspark stand-in that starts no JVM.
    @Test func theDriverProgramAnswersBadRequestsWithErrorsAndStopsOnRequest() throws {
        let folder = try TestPaths.temporaryFolder()
        let stub = folder.appendingPathComponent("stub")
        for module in ["pyspark", "pyspark/ml"] {
            try FileManager.default.createDirectory(at: stub.appendingPathComponent(module), withIntermediateDirectories: true)
            try Data().write(to: stub.appendingPathComponent(module + "/__init__.py"))
        }
        try Data("class ALS:\n    pass\n".utf8).write(to: stub.appendingPathComponent("pyspark/ml/recommendation.py"))
        try Data(
            """
            class _Context:
                master = "local[1]"
                def setLogLevel(self, level):
                    pass
            class _Builder:
                def appName(self, name):
                    return self
                def getOrCreate(self):
                    return SparkSession()
            class SparkSession:
                builder = _Builder()
                version = "stand-in"
                sparkContext = _Context()
                def stop(self):
                    print("stopped")
            """.utf8
        ).write(to: stub.appendingPathComponent("pyspark/sql.py"))
        let script = folder.appendingPathComponent(SparkDriverScript.fileName)
        try Data(SparkDriverScript.source.utf8).write(to: script)

        // Raw lines, as a peer that is not recbook might send them.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path]
        process.environment = ["PYTHONPATH": stub.path, "PATH": "/usr/bin:/bin"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var replies = LineReader(output.fileHandleForReading)
        func next() -> String {
            guard case .line(let line) = replies.next(until: .now + .seconds(30)) else { return "(none)" }
            return line
        }
        #expect(next().contains(#""id": 0, "ok": true"#))
        for line in ["not json", "[1, 2]", #"{"v": 9, "id": 1, "op": "stop"}"#, #"{"v": 1, "id": 2, "op": "nope"}"#] {
            try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
        }
        #expect(next().contains(#""id": null, "ok": false, "error": "not a request: Expecting value"#))
        #expect(next().contains(#""error": "not a request: a request is a JSON object""#))
        #expect(next().contains(#""id": 1, "ok": false, "error": "protocol version 9; this driver speaks 1""#))
        #expect(next().contains(#""id": 2, "ok": false, "error": "unsupported request 'nope'""#))
        try input.fileHandleForWriting.write(contentsOf: Data(#"{"v": 1, "id": 3, "op": "stop"}"#.utf8 + [0x0A]))
        #expect(next().contains(#""id": 3, "ok": true"#))
        #expect(replies.next(until: .now + .seconds(30)) == .endOfStream, "nothing after the stop reply")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

extension SparkDriverTests {
    @Test func theLogTailLeavesOutJavaStackFrames() throws {
        let log = try TestPaths.temporaryFolder().appendingPathComponent("driver.log")
        try Data(
            """
            26/12/02 WARN NativeCodeLoader: Unable to load native-hadoop library
            java.io.IOException: Connection refused: /127.0.0.1:7999
            \tat io.netty.channel.unix.Errors.newConnectException0(Errors.java:166)
                at java.base/java.lang.Thread.run(Thread.java:840)
            \t... 12 more
            26/12/02 ERROR StandaloneSchedulerBackend: Application has been killed. Reason: All masters are unresponsive! Giving up.
            """.utf8
        ).write(to: log)
        #expect(
            SparkDriver.tail(of: log.path, lines: 2)
                == "java.io.IOException: Connection refused: /127.0.0.1:7999\n"
                + "26/12/02 ERROR StandaloneSchedulerBackend: Application has been killed. Reason: All masters are unresponsive! Giving up."
        )
    }
}
