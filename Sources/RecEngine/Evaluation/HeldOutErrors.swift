import Foundation

/// MAE / MSE / RMSE of shared prediction on held-out rows, and how often it had to fall back.
public struct HeldOutErrors: Sendable, Hashable, Codable {
    public var metrics: ErrorMetrics
    /// Rows the model estimated itself (the rest got `Predictor.fallback`).
    public var estimated: Int

    /// Predicts every row of `test` on `threads` threads (in fixed blocks, so at any thread
    /// count the same).
    public init<Model: RatingEstimator>(_ predictor: Predictor<Model>, test: RatingsTable, threads: Int = allCores) {
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
        metrics = ErrorMetrics(predicted: predicted, actual: test.ratings.map(Double.init))
        estimated = estimatedFlags.count(where: { $0 })
    }

    /// The same for any fitted model, matching its kind once rather than per prediction.
    public init(_ predictor: Predictor<FittedModel>, test: RatingsTable, threads: Int = allCores) {
        self = predictor.withConcreteModel(Measuring(test: test, threads: threads))
    }

    private struct Measuring: PredictorWork {
        let test: RatingsTable
        let threads: Int

        func run<Model: RatingEstimator>(_ predictor: Predictor<Model>) -> HeldOutErrors {
            HeldOutErrors(predictor, test: test, threads: threads)
        }
    }
}
