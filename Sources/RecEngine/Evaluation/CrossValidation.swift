import Foundation

/// k-fold cross-validation of one model: fit on each fold's training rows, score on its test
/// rows, and average (Surprise's `cross_validate`). Folds run one after the other; each fit
/// uses `threads`, so the result does not depend on it.
public struct CrossValidation: Sendable, Codable {
    public var config: ModelConfig
    /// One score per fold, in fold order.
    public var folds: [ErrorMetrics]
    public var seconds: Double

    public var meanRMSE: Double { folds.map(\.rmse).reduce(0, +) / Double(folds.count) }
    public var meanMAE: Double { folds.map(\.mae).reduce(0, +) / Double(folds.count) }
    public var meanMSE: Double { folds.map(\.mse).reduce(0, +) / Double(folds.count) }
    /// Population standard deviation of the fold RMSEs (as Surprise prints it).
    public var rmseSpread: Double {
        let mean = meanRMSE
        return (folds.map { ($0.rmse - mean) * ($0.rmse - mean) }.reduce(0, +) / Double(folds.count)).squareRoot()
    }

    public static func run(
        _ config: ModelConfig, on table: RatingsTable, splits: [RatingSplit], threads: Int = 2
    ) throws(TrainingError) -> CrossValidation {
        let started = Date()
        var scores: [ErrorMetrics] = []
        for split in splits {
            let train = table.subset(split.train)
            let test = table.subset(split.test)
            let model = try config.fit(on: train, threads: threads)
            scores.append(HeldOutEvaluation.errors(model, train: train, test: test))
        }
        return CrossValidation(config: config, folds: scores, seconds: Date().timeIntervalSince(started))
    }
}
