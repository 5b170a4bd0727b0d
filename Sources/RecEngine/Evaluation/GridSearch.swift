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
        /// fold, under every seed); nil for models without a training history
        /// (`FittedModel.learned(on:)`).
        public var learned: Bool?
        /// One score per seed when the grid fitted each setting under given seeds (`mae` and
        /// `rmse` are then their means); empty when each setting was fitted once with its own.
        public var seedScores: [SeedScore] = []

        /// The spread of the seeds' scores by `criterion`; nil without seeds.
        public func spread(_ criterion: Criterion) -> ScoreSpread? {
            seedScores.isEmpty ? nil : ScoreSpread(seedScores.map { criterion == .mae ? $0.mae : $0.rmse })
        }
    }

    /// One fit's validation errors under one seed.
    public struct SeedScore: Sendable, Codable, Hashable {
        public var seed: UInt64
        public var mae: Double
        public var rmse: Double
    }

    /// Every candidate in the order given.
    public var rows: [Row]
    /// Index in `rows` of the lowest score (ties: the earlier candidate), learned or not.
    public var best: Int
    public var criterion: Criterion

    /// False when every candidate's fit failed to learn (then no candidate is worth calling best).
    public var anyLearned: Bool { rows.contains { $0.learned != false } }

    /// Scores every candidate. With `seeds`, each candidate is fitted once per seed (its own
    /// seed replaced, `ModelConfig.reseeded`) and scored by the mean over the seeds, so that the
    /// winner is not the luck of one draw; without, once with its own seed.
    public static func run(
        _ candidates: [ModelConfig], on table: RatingsTable, scoring: Scoring, criterion: Criterion = .mae,
        seeds: [UInt64] = [], threads: Int = allCores
    ) throws(TrainingError) -> GridSearch {
        precondition(!candidates.isEmpty, "a grid needs at least one candidate")
        var rows: [Row] = []
        for candidate in candidates {
            guard !seeds.isEmpty else {
                rows.append(try score(candidate, on: table, scoring: scoring, threads: threads))
                continue
            }
            let started = Date()
            var fits: [Row] = []
            for seed in seeds {
                fits.append(try score(candidate.reseeded(seed), on: table, scoring: scoring, threads: threads))
            }
            let learned = fits.compactMap(\.learned)
            rows.append(
                Row(
                    config: candidate, mae: ScoreSpread(fits.map(\.mae)).mean, rmse: ScoreSpread(fits.map(\.rmse)).mean,
                    seconds: Date().timeIntervalSince(started), learned: learned.isEmpty ? nil : !learned.contains(false),
                    seedScores: zip(seeds, fits).map { SeedScore(seed: $0, mae: $1.mae, rmse: $1.rmse) }))
        }
        let scores = rows.map { criterion == .mae ? $0.mae : $0.rmse }
        var best = 0
        for index in scores.indices where scores[index] < scores[best] { best = index }
        return GridSearch(rows: rows, best: best, criterion: criterion)
    }

    /// One fit of `candidate` (one per fold under cross-validation), scored.
    private static func score(
        _ candidate: ModelConfig, on table: RatingsTable, scoring: Scoring, threads: Int
    ) throws(TrainingError) -> Row {
        let started = Date()
        switch scoring {
        case .validation(let fraction):
            let cut = Int(Double(table.count) * (1 - fraction))
            guard cut > 0 && cut < table.count else { throw .noTrainingData }
            let train = table.subset(Array(0..<cut))
            let held = table.subset(Array(cut..<table.count))
            let model = try candidate.fit(on: train, threads: threads)
            let score = HeldOutEvaluation.errors(model, train: train, test: held)
            return Row(
                config: candidate, mae: score.mae, rmse: score.rmse, seconds: Date().timeIntervalSince(started),
                learned: model.learned(on: train))
        case .crossValidation(let folds, let seed):
            let splits = RatingSplit.kFold(rows: table.count, folds: folds, seed: seed)
            let result = try CrossValidation.run(candidate, on: table, splits: splits, threads: threads)
            return Row(
                config: candidate, mae: result.meanMAE, rmse: result.meanRMSE, seconds: result.seconds,
                learned: result.learned)
        }
    }
}
