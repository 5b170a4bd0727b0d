import Foundation

/// MAE / MSE / RMSE of shared prediction on held-out rows, and how often it had to fall back.
public struct HeldOutErrors: Sendable, Hashable, Codable {
    public var metrics: ErrorMetrics
    /// Rows the model estimated itself (the rest got `Predictor.fallback`).
    public var estimated: Int
    /// Given the training rows: the errors on test rows whose user has a training rating, and
    /// on the rest (cold-start users, whom a model can only guess for). Their counts add up to
    /// `metrics.count`; an empty part has NaN errors. Nil when no training rows were given.
    public var seenUsers: ErrorMetrics?
    public var unseenUsers: ErrorMetrics?

    /// Predicts every row of `test` on `threads` threads (in fixed blocks, so at any thread
    /// count the same); with `train` (same id maps as `test`), also the seen/unseen-user split.
    public init<Model: RatingEstimator>(
        _ predictor: Predictor<Model>, test: RatingsTable, train: RatingsTable? = nil, threads: Int = allCores
    ) {
        let rows = test.count
        var predicted = [Double](repeating: 0, count: rows)
        var estimatedFlags = [Bool](repeating: false, count: rows)
        let blocks = max(1, min(64, rows))
        DisjointWrites.with(&predicted) { values in
            DisjointWrites.with(&estimatedFlags) { flags in
                forEachTask(blocks, threads: threads) { block in
                    for row in evenPiece(block, of: rows, pieces: blocks) {
                        let prediction = predictor.predict(user: Int(test.users[row]), movie: Int(test.movies[row]))
                        values[row] = prediction.value
                        flags[row] = prediction.estimated
                    }
                }
            }
        }
        let actual = test.ratings.map(Double.init)
        metrics = ErrorMetrics(predicted: predicted, actual: actual)
        estimated = estimatedFlags.count(where: { $0 })
        guard let train else { return }
        var trained = [Bool](repeating: false, count: max(train.userCount, test.userCount))
        for user in train.users { trained[Int(user)] = true }
        let seen = (0..<rows).filter { trained[Int(test.users[$0])] }
        let unseen = (0..<rows).filter { !trained[Int(test.users[$0])] }
        seenUsers = ErrorMetrics(predicted: seen.map { predicted[$0] }, actual: seen.map { actual[$0] })
        unseenUsers = ErrorMetrics(predicted: unseen.map { predicted[$0] }, actual: unseen.map { actual[$0] })
    }

    /// The same for any fitted model, matching its kind once rather than per prediction.
    public init(
        _ predictor: Predictor<FittedModel>, test: RatingsTable, train: RatingsTable? = nil, threads: Int = allCores
    ) {
        self = predictor.withConcreteModel(Measuring(test: test, train: train, threads: threads))
    }

    private struct Measuring: PredictorWork {
        let test: RatingsTable
        let train: RatingsTable?
        let threads: Int

        func run<Model: RatingEstimator>(_ predictor: Predictor<Model>) -> HeldOutErrors {
            HeldOutErrors(predictor, test: test, train: train, threads: threads)
        }
    }
}
