import Foundation
import RecEngine

/// Trains ALS on Apache Spark through a running driver: writes the split to a work folder, asks
/// the driver to fit and predict, and reads back the predictions and factors, checking them
/// before anything reaches a report.
public enum SparkALS {
    /// What the driver says about an `als` request.
    struct Reply: Decodable {
        var fitSeconds: Double
        var predictSeconds: Double
        var rank: Int

        enum CodingKeys: String, CodingKey {
            case fitSeconds = "fit_seconds"
            case predictSeconds = "predict_seconds"
            case rank
        }
    }

    /// The settings and the two folders, side by side in one JSON object.
    struct Arguments: Encodable {
        var split: String
        var work: String
        var settings: SparkALSSettings

        enum CodingKeys: String, CodingKey { case split, work }

        func encode(to encoder: any Encoder) throws {
            try settings.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(split, forKey: .split)
            try container.encode(work, forKey: .work)
        }
    }

    /// Writes a split for `train` to read: once per split and session, since the driver keeps each
    /// split it has read cached for every later fit.
    public static func writeSplit(train: RatingsTable, test: RatingsTable, folder: String) throws(SparkError) {
        try SparkJobFiles.writeSplit(train: train, test: test, folder: folder)
    }

    /// - Parameters:
    ///   - splitFolder: where `writeSplit` wrote `train` and `test`.
    ///   - workFolder: where Spark writes this run's predictions and factors (kept for inspection).
    ///   - startedSession: whether this call's caller started `driver` for it; its start-up is then
    ///     part of this run's timings.
    public static func train(
        _ train: RatingsTable, test: RatingsTable, config: ALSConfig, driver: SparkDriver, splitFolder: String,
        workFolder: String, startedSession: Bool, timeout: Duration = .seconds(4 * 3600)
    ) throws(SparkError) -> SparkALSResult {
        try SparkJobFiles.clearOutputs(folder: workFolder)
        let started = ContinuousClock.now
        let arguments = Arguments(split: splitFolder, work: workFolder, settings: SparkALSSettings(config))
        let reply = try driver.call("als", arguments, returning: Reply.self, timeout: timeout)
        let total = ContinuousClock.now - started
        guard reply.rank == config.rank else {
            throw .invalidOutput(file: "the `als` reply", reason: "rank \(reply.rank), asked for \(config.rank)")
        }
        let timings = SparkALSResult.Timings(
            startup: startedSession ? driver.startupSeconds : nil, fit: reply.fitSeconds, predict: reply.predictSeconds,
            total: total.seconds)
        return try SparkJobFiles.read(
            folder: workFolder, train: train, test: test, rank: config.rank, timings: timings, master: driver.master,
            sparkVersion: driver.sparkVersion)
    }
}
