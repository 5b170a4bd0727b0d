import Foundation

/// Tries every candidate model and ranks them, as the article's loops over k, regularisation
/// and hidden units do. Candidates run one after the other (each fit already uses both
/// cores), so the table is the same on any machine.
public struct GridSearch: Sendable, Codable {
    public enum Scoring: Sendable, Hashable {
        /// Fit on the first `1 - fraction` of the rows, score on the rest (Keras' `validation_split`).
        case validation(fraction: Double)
        /// Mean over folds of a k-fold split of the rows.
        case crossValidation(folds: Int, seed: UInt64)
    }

    /// Which error picks the winner.
    public enum Criterion: String, Sendable, Hashable, CaseIterable, Codable {
        case mae, rmse
    }

    public struct Row: Sendable, Codable {
        public var config: ModelConfig
        public var mae: Double
        public var rmse: Double
        public var seconds: Double
        /// Whether the fit beat the constant-mean predictor on its own training rows (in every
        /// fold); nil for models without a training history (`FittedModel.learned(on:)`).
        public var learned: Bool?
    }

    /// Every candidate in the order given.
    public var rows: [Row]
    /// Index in `rows` of the lowest score (ties: the earlier candidate), learned or not.
    public var best: Int
    public var criterion: Criterion

    /// False when every candidate's fit failed to learn (then no candidate is worth calling best).
    public var anyLearned: Bool { rows.contains { $0.learned != false } }

    public static func run(
        _ candidates: [ModelConfig], on table: RatingsTable, scoring: Scoring, criterion: Criterion = .mae,
        threads: Int = allCores
    ) throws(TrainingError) -> GridSearch {
        precondition(!candidates.isEmpty, "a grid needs at least one candidate")
        var rows: [Row] = []
        for candidate in candidates {
            let started = Date()
            switch scoring {
            case .validation(let fraction):
                let cut = Int(Double(table.count) * (1 - fraction))
                guard cut > 0 && cut < table.count else { throw .noTrainingData }
                let train = table.subset(Array(0..<cut))
                let held = table.subset(Array(cut..<table.count))
                let model = try candidate.fit(on: train, threads: threads)
                let score = HeldOutEvaluation.errors(model, train: train, test: held)
                rows.append(
                    Row(
                        config: candidate, mae: score.mae, rmse: score.rmse, seconds: Date().timeIntervalSince(started),
                        learned: model.learned(on: train)))
            case .crossValidation(let folds, let seed):
                let splits = RatingSplit.kFold(rows: table.count, folds: folds, seed: seed)
                let result = try CrossValidation.run(candidate, on: table, splits: splits, threads: threads)
                rows.append(
                    Row(
                        config: candidate, mae: result.meanMAE, rmse: result.meanRMSE, seconds: result.seconds,
                        learned: result.learned))
            }
        }
        let scores = rows.map { criterion == .mae ? $0.mae : $0.rmse }
        var best = 0
        for index in scores.indices where scores[index] < scores[best] { best = index }
        return GridSearch(rows: rows, best: best, criterion: criterion)
    }
}
