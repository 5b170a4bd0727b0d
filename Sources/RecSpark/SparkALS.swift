import Dispatch
import Foundation
import RecEngine
import Subprocess
import SystemPackage

/// Trains ALS on Apache Spark: writes the session's split to the work folder, runs recbook's
/// PySpark job through spark-submit (an argument array, never a shell), and reads back the
/// predictions, factors and timings, checking them before anything reaches a report.
public enum SparkALS {
    public static func train(
        _ train: RatingsTable, test: RatingsTable, config: ALSConfig, settings: SparkSettings
    ) throws(SparkError) -> SparkALSResult {
        try SparkJobFiles.prepare(train: train, test: test, config: config, folder: settings.workFolder)
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = runSubmit(settings)
        let elapsed = clock.now - started
        let total = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        switch outcome {
        case .failure(let error):
            throw .jobFailed(status: "could not start \(settings.submit)", stderrTail: "\(error)")
        case .success(let finished) where !finished.succeeded:
            throw .jobFailed(status: finished.status, stderrTail: tail(finished.errors))
        case .success:
            return try SparkJobFiles.read(
                folder: settings.workFolder, train: train, test: test, rank: config.rank, total: total)
        }
    }

    struct Finished: Sendable {
        var succeeded: Bool
        var status: String
        var errors: String
    }

    /// swift-subprocess is async; the notebook runner is not. The job runs in a task on the
    /// global executor while this thread (never one of that executor's) waits for it.
    private static func runSubmit(_ settings: SparkSettings) -> Result<Finished, any Error> {
        final class Box: @unchecked Sendable {
            var result: Result<Finished, any Error> = .failure(CancellationError())
        }
        let box = Box()
        let semaphore = DispatchSemaphore(value: 0)
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
        let environment = Environment.inherit.updating(updates)
        let arguments = Arguments([
            "--master", settings.master,
            "--driver-memory", "4g",
            "--conf", "spark.ui.enabled=false",
            "--conf", "spark.ui.showConsoleProgress=false",
            (settings.workFolder as NSString).appendingPathComponent(SparkALSJobScript.fileName),
            settings.workFolder,
        ])
        let submit = settings.submit
        Task {
            do {
                let result = try await run(
                    .path(FilePath(submit)), arguments: arguments, environment: environment,
                    output: .discarded, error: .string(limit: 32 << 20))
                box.result = .success(
                    Finished(
                        succeeded: result.terminationStatus.isSuccess, status: "\(result.terminationStatus)",
                        errors: result.standardError))
            } catch {
                box.result = .failure(error)
            }
            semaphore.signal()
        }
        semaphore.wait()
        return box.result
    }

    private static func tail(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(15).joined(separator: "\n")
    }
}
