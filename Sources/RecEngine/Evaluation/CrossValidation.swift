import Foundation

/// k-fold cross-validation of one model: fit on each fold's training rows, score on its test
/// rows, and average (Surprise's `cross_validate`). Folds run one after the other; each fit
/// uses `threads`, so the result does not depend on it.
public struct CrossValidation: Sendable, Codable {
    public var config: ModelConfig
    /// One score per fold, in fold order.
    public var folds: [ErrorMetrics]
    /// One ranking score per fold when ranking was asked for, else empty.
    public var rankings: [RankingMetrics]
    public var seconds: Double
    /// Whether the fit learned in every fold (`FittedModel.learned(on:)`); nil for models
    /// without a training history.
    public var learned: Bool?

    public var meanRMSE: Double { mean(folds.map(\.rmse)) }
    public var meanMAE: Double { mean(folds.map(\.mae)) }
    public var meanMSE: Double { mean(folds.map(\.mse)) }
    /// Population standard deviation of the fold RMSEs (as Surprise prints it).
    public var rmseSpread: Double {
        let center = meanRMSE
        return mean(folds.map { ($0.rmse - center) * ($0.rmse - center) }).squareRoot()
    }
    /// The fold-by-fold mean of each ranking metric (users counted over all folds), or `nil`.
    public var meanRanking: RankingMetrics? {
        guard let first = rankings.first else { return nil }
        return RankingMetrics(
            cutoff: first.cutoff, users: rankings.map(\.users).reduce(0, +), coldUsers: rankings.map(\.coldUsers).reduce(0, +),
            precision: mean(rankings.map(\.precision)), recall: mean(rankings.map(\.recall)),
            ndcg: mean(rankings.map(\.ndcg)), map: mean(rankings.map(\.map)), coverage: mean(rankings.map(\.coverage)))
    }

    /// Fits `config` on each split's training rows and scores it on the split's test rows;
    /// with `ranking`, also ranks every test user's unrated movies (`RankingEvaluation`).
    public static func run(
        _ config: ModelConfig, on table: RatingsTable, splits: [RatingSplit], ranking: RankingEvaluation.Config? = nil,
        threads: Int = allCores
    ) throws(TrainingError) -> CrossValidation {
        let started = Date()
        var scores: [ErrorMetrics] = []
        var rankings: [RankingMetrics] = []
        var learned: Bool?
        for split in splits {
            let train = table.subset(split.train)
            let test = table.subset(split.test)
            let model = try config.fit(on: train, threads: threads)
            if let foldLearned = model.learned(on: train) { learned = (learned ?? true) && foldLearned }
            scores.append(HeldOutEvaluation.errors(model, train: train, test: test))
            if let ranking {
                do throws(ConfigError) {
                    let evaluation = try RankingEvaluation(train: train, test: test, config: ranking)
                    rankings.append(evaluation.evaluate(HeldOutEvaluation.predictor(model, train: train), threads: threads))
                } catch {
                    throw .invalidConfig(error)
                }
            }
        }
        return CrossValidation(
            config: config, folds: scores, rankings: rankings, seconds: Date().timeIntervalSince(started), learned: learned)
    }
}

private func mean(_ values: [Double]) -> Double {
    values.reduce(0, +) / Double(values.count)
}
