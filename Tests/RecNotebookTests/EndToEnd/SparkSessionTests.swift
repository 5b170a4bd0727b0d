import Foundation
import RecTestSupport
import Testing

/// One Spark session per notebook, through the built binary and real Spark: every Spark cell
/// shares the driver the first one started, and no driver or JVM outlives the render, whether it
/// ends or is interrupted. Needs Java and pyspark (`make spark`).
@Suite(.serialized, .requires(.spark), .requires(.movieLens100K))
struct SparkSessionTests {
    static let notebook = """
        # Two fits, one session

        ```rec
        load ratings=u.data format=movielens-100k
        split test=0.2
        train a model=als rank=4 iterations=3 reg=0.1 engine=spark
        ```

        ```rec
        train b model=als rank=2 iterations=3 reg=0.1 engine=spark
        ```

        """

    /// Renders the notebook in a fresh folder; every process it starts carries `mark` in its
    /// environment, so the test can look for leftovers.
    static func start(mark: String) throws -> (process: Process, out: URL) {
        let folder = try TestPaths.temporaryFolder()
        try Data(notebook.utf8).write(to: folder.appendingPathComponent("two.md"))
        let process = Process()
        process.executableURL = TestPaths.recbook
        process.arguments = [
            "render", "two.md", "--data", TestPaths.movieLens100K.path, "--out", "out", "--no-cache",
        ]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging([
            "RECBOOK_TEST_MARK": mark, "SPARK_MASTER": "local[1]",
            "PYSPARK_DRIVER_PYTHON": TestPaths.repository.appendingPathComponent(".venv/bin/python3").path,
        ]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, folder.appendingPathComponent("out"))
    }

    /// Processes (other than `except`) whose environment holds `mark`, with their command names.
    static func processes(marked mark: String, except: Int32? = nil) -> [String] {
        let needle = Data("RECBOOK_TEST_MARK=\(mark)".utf8)
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.compactMap { id -> String? in
            guard let pid = Int32(id), pid != except,
                let environment = FileManager.default.contents(atPath: "/proc/\(id)/environ"),
                environment.range(of: needle) != nil
            else { return nil }
            let name = FileManager.default.contents(atPath: "/proc/\(id)/comm").map { String(decoding: $0, as: UTF8.self) }
            return "\(id) \(name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?")"
        }
    }

    static func waitUntil(_ limit: Duration, _ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return condition()
    }

    @Test func theSecondSparkCellUsesTheSessionTheFirstStartedAndNothingOutlivesTheRender() throws {
        let mark = UUID().uuidString
        let (process, out) = try Self.start(mark: mark)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("two.json")))
        let cells = try #require((report as? [String: Any])?["cells"] as? [[String: Any]])
        let steps = cells.map { cell in
            ((cell["results"] as? [[String: Any]]) ?? []).compactMap { $0["rows"] as? [[Any]] }.flatMap { $0 }
                .compactMap { $0.first as? String }
        }
        #expect(steps.count == 2)
        #expect(steps.first?.first == "start the Spark session (JVM and driver), once per notebook")
        #expect(steps.last?.first == "start the Spark session: already running")
        #expect(
            Self.waitUntil(.seconds(30)) { Self.processes(marked: mark).isEmpty },
            "left running: \(Self.processes(marked: mark))")
    }

    @Test func anInterruptedRenderLeavesNoDriverOrJVM() throws {
        let mark = UUID().uuidString
        let (process, _) = try Self.start(mark: mark)
        let recbook = process.processIdentifier
        // Wait until the driver has started Spark's JVM, then interrupt recbook alone.
        let jvmUp = Self.waitUntil(.seconds(180)) {
            Self.processes(marked: mark, except: recbook).contains { $0.hasSuffix(" java") }
        }
        #expect(jvmUp, "the JVM never started: \(Self.processes(marked: mark))")
        kill(recbook, SIGINT)
        process.waitUntilExit()
        #expect(
            Self.waitUntil(.seconds(30)) { Self.processes(marked: mark).isEmpty },
            "left running after Ctrl-C: \(Self.processes(marked: mark))")
    }
}
