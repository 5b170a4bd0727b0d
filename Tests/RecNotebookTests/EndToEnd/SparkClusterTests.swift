import Foundation
import RecTestSupport
import Testing

/// `make spark-cluster`'s standalone cluster (a master and two one-core workers on 127.0.0.1):
/// a Spark notebook renders on it with tasks on both workers, survives a worker killed during
/// its ALS fit, and the cluster stops cleanly. Needs Java and pyspark (`make spark`).
@Suite(.serialized, .requires(.spark), .requires(.movieLens100K))
struct SparkClusterTests {
    static let script = TestPaths.repository.appendingPathComponent("scripts/spark-cluster.sh").path
    static let state = TestPaths.repository.appendingPathComponent(".build/spark-cluster")

    static let notebook = """
        # ALS on the cluster

        ```rec
        load ratings=u.data format=movielens-100k
        split test=0.2
        train a model=als rank=10 iterations=10 reg=0.1 engine=spark
        evaluate a
        ```

        """

    @discardableResult
    static func cluster(_ command: String) throws -> (status: Int32, output: String) {
        // Into a file, not a pipe: the daemons `start` leaves running could keep a pipe open.
        let log = try TestPaths.temporaryFolder().appendingPathComponent("cluster.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = [command]
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    /// Renders the notebook on the cluster in the background.
    static func render() throws -> (process: Process, out: URL) {
        let folder = try TestPaths.temporaryFolder()
        try Data(notebook.utf8).write(to: folder.appendingPathComponent("cluster.md"))
        let process = Process()
        process.executableURL = TestPaths.recbook
        process.arguments = [
            "render", "cluster.md", "--data", TestPaths.movieLens100K.path, "--out", "out", "--no-cache",
            "--spark-master", "spark://127.0.0.1:7077",
        ]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging([
            "PYSPARK_DRIVER_PYTHON": TestPaths.repository.appendingPathComponent(".venv/bin/python3").path
        ]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, folder.appendingPathComponent("out"))
    }

    /// How many tasks each worker's executors have started, from their logs under the worker's
    /// work folder (`workerN/APP/EXECUTOR/stderr`).
    static func tasksStarted(worker: Int) -> Int {
        let folder = state.appendingPathComponent("worker\(worker)")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix("/stderr") }.reduce(0) { count, file in
            let text = (FileManager.default.contents(atPath: folder.appendingPathComponent(file).path)).map {
                String(decoding: $0, as: UTF8.self)
            }
            return count + (text?.components(separatedBy: "Running task").count ?? 1) - 1
        }
    }

    /// The pids of worker `n`'s JVM and of its executors (their command lines name its work folder
    /// or, for the worker, its pid file).
    static func workerProcesses(_ n: Int) -> [Int32] {
        var pids: [Int32] = []
        if let text = FileManager.default.contents(atPath: state.appendingPathComponent("worker\(n).pid").path),
            let pid = Int32(String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        {
            pids.append(pid)
        }
        let work = state.appendingPathComponent("worker\(n)").path
        for id in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(id),
                let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(id)/cwd"),
                cwd.hasPrefix(work + "/")
            else { continue }
            pids.append(pid)
        }
        return pids
    }

    static func report(_ out: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("cluster.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aNotebookRunsOnBothWorkersSurvivesALostWorkerAndTheClusterStops() throws {
        try? FileManager.default.removeItem(at: Self.state)
        let started = try Self.cluster("start")
        #expect(started.status == 0, "\(started.output)")
        defer { _ = try? Self.cluster("stop") }

        // Both workers run tasks.
        let (first, out) = try Self.render()
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(Self.tasksStarted(worker: 1) > 0 && Self.tasksStarted(worker: 2) > 0)
        let provenance = try Self.report(out)["provenance"] as? [String: Any]
        #expect(provenance != nil)
        let text = String(decoding: try Data(contentsOf: out.appendingPathComponent("cluster.json")), as: UTF8.self)
        #expect(text.contains("master spark://127.0.0.1:7077"), "the report names the master it ran on")

        // Worker 1 (and its executor) killed while the fit runs: Spark reruns its tasks on worker 2.
        let before = Self.tasksStarted(worker: 1)
        let (second, _) = try Self.render()
        let deadline = ContinuousClock.now + .seconds(240)
        while Self.tasksStarted(worker: 1) < before + 40, second.isRunning, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(second.isRunning, "the fit ended before the worker could be killed")
        for pid in Self.workerProcesses(1) { kill(pid, SIGKILL) }
        second.waitUntilExit()
        #expect(second.terminationStatus == 0, "the cell succeeds on the surviving worker")
        let status = try Self.cluster("status")
        #expect(status.output.contains("1 alive workers"), "\(status.output)")

        // Stopping leaves nothing listening.
        #expect(try Self.cluster("stop").status == 0)
        #expect(try Self.cluster("status").status == 1)
        #expect(Self.workerProcesses(2).isEmpty)
    }
}
