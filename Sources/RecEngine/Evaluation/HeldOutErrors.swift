import Foundation

/// MAE / MSE / RMSE of shared prediction on held-out rows, and how often it had to fall back.
public struct HeldOutErrors: Sendable, Hashable {
    public var metrics: ErrorMetrics
    /// Rows the model estimated itself (the rest got `Predictor.fallback`).
    public var estimated: Int

    /// Predicts every row of `test` (in parallel, fixed blocks, so at any thread count the same).
    public init<Model: RatingEstimator>(_ predictor: Predictor<Model>, test: RatingsTable) {
        let rows = test.count
        var predicted = [Double](repeating: 0, count: rows)
        var estimatedFlags = [Bool](repeating: false, count: rows)
        let blocks = max(1, min(64, rows))
        let blockSize = (rows + blocks - 1) / max(1, blocks)
        predicted.withUnsafeMutableBufferPointer { values in
            estimatedFlags.withUnsafeMutableBufferPointer { flags in
                let values = UncheckedSendable(values)
                let flags = UncheckedSendable(flags)
                DispatchQueue.concurrentPerform(iterations: blocks) { block in
                    let start = block * blockSize
                    let end = min(rows, start + blockSize)
                    guard start < end else { return }
                    for row in start..<end {
                        let prediction = predictor.predict(user: Int(test.users[row]), movie: Int(test.movies[row]))
                        values.value[row] = prediction.value
                        flags.value[row] = prediction.estimated
                    }
                }
            }
        }
        metrics = ErrorMetrics(predicted: predicted, actual: test.ratings.map(Double.init))
        estimated = estimatedFlags.count(where: { $0 })
    }
}
