import Dispatch
import Foundation
import RecEngine
import Subprocess
import SystemPackage

/// Trains ALS on Apache Spark: writes the session's split to the work folder, runs recbook's
/// PySpark job through spark-submit (an argument array, never a shell), and reads back the
/// predictions, factors and timings, checking them before anything reaches a report.
public enum SparkALS {
    /// For synchronous callers (the notebook runner). It blocks its thread until the job ends,
    /// so it must not be called from a task on Swift's cooperative pool: there, use the async
    /// overload (with every pool thread blocked, the job's own task could never run).
    public static func train(
        _ train: RatingsTable, test: RatingsTable, config: ALSConfig, settings: SparkSettings
    ) throws(SparkError) -> SparkALSResult {
        try SparkJobFiles.prepare(train: train, test: test, config: config, folder: settings.workFolder)
        let started = ContinuousClock.now
        let outcome = blocking { await runSubmit(settings) }
        let seconds = seconds(ContinuousClock.now - started)
        return try finish(outcome, seconds: seconds, train: train, test: test, config: config, settings: settings)
    }

    public static func train(
        _ train: RatingsTable, test: RatingsTable, config: ALSConfig, settings: SparkSettings
    ) async throws(SparkError) -> SparkALSResult {
        try SparkJobFiles.prepare(train: train, test: test, config: config, folder: settings.workFolder)
        let started = ContinuousClock.now
        let outcome = await runSubmit(settings)
        let seconds = seconds(ContinuousClock.now - started)
        return try finish(outcome, seconds: seconds, train: train, test: test, config: config, settings: settings)
    }

    struct Finished: Sendable {
        var succeeded: Bool
        var status: String
        var errors: String
    }

    private static func finish(
        _ outcome: Result<Finished, any Error>, seconds: Double, train: RatingsTable, test: RatingsTable,
        config: ALSConfig, settings: SparkSettings
    ) throws(SparkError) -> SparkALSResult {
        switch outcome {
        case .failure(let error):
            throw .jobFailed(status: "could not start \(settings.submit)", stderrTail: "\(error)")
        case .success(let finished) where !finished.succeeded:
            throw .jobFailed(status: finished.status, stderrTail: tail(finished.errors))
        case .success:
            return try SparkJobFiles.read(
                folder: settings.workFolder, train: train, test: test, rank: config.rank, total: seconds)
        }
    }

    /// spark-submit with an argument array (never a shell), Spark's web UI and console
    /// progress off, and the project virtualenv's Python for the job.
    private static func runSubmit(_ settings: SparkSettings) async -> Result<Finished, any Error> {
        let binFolder = (settings.submit as NSString).deletingLastPathComponent
        let inherited = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        var updates: [Environment.Key: String?] = [
            "PATH": binFolder + ":" + inherited,
            "SPARK_LOCAL_IP": "127.0.0.1",
        ]
        let venvPython = binFolder + "/python3"
        if FileManager.default.isExecutableFile(atPath: venvPython) {
            updates["PYSPARK_PYTHON"] = venvPython
            updates["PYSPARK_DRIVER_PYTHON"] = venvPython
        }
        let arguments = Arguments([
            "--master", settings.master,
            "--driver-memory", "4g",
            "--conf", "spark.ui.enabled=false",
            "--conf", "spark.ui.showConsoleProgress=false",
            (settings.workFolder as NSString).appendingPathComponent(SparkALSJobScript.fileName),
            settings.workFolder,
        ])
        do {
            let result = try await run(
                .path(FilePath(settings.submit)), arguments: arguments, environment: Environment.inherit.updating(updates),
                output: .discarded, error: .string(limit: 32 << 20))
            return .success(
                Finished(
                    succeeded: result.terminationStatus.isSuccess, status: "\(result.terminationStatus)",
                    errors: result.standardError))
        } catch {
            return .failure(error)
        }
    }

    /// Runs `work` in a task on the global executor while this thread waits for it.
    private static func blocking(
        _ work: @escaping @Sendable () async -> Result<Finished, any Error>
    ) -> Result<Finished, any Error> {
        final class Box: @unchecked Sendable {
            var value: Result<Finished, any Error> = .failure(CancellationError())
        }
        let box = Box()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            semaphore.signal()
        }
        semaphore.wait()
        // The semaphore orders the task's write before this read.
        return box.value
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    private static func tail(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(15).joined(separator: "\n")
    }
}
