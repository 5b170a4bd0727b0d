import Foundation

/// MAE / MSE / RMSE of shared prediction on held-out rows, and how often it had to fall back.
public struct HeldOutErrors: Sendable, Hashable {
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
}
