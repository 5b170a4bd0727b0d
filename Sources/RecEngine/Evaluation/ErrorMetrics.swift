/// Accuracy of predicted ratings against held-out truth. Sums in `Double`.
public struct ErrorMetrics: Sendable, Hashable, Codable {
    public var count: Int
    public var mae: Double
    public var mse: Double
    public var rmse: Double { mse.squareRoot() }

    public init(predicted: [Double], actual: [Double]) {
        precondition(predicted.count == actual.count, "one prediction per held-out rating")
        var absolute = 0.0
        var squared = 0.0
        for (guess, truth) in zip(predicted, actual) {
            let error = guess - truth
            absolute += abs(error)
            squared += error * error
        }
        count = actual.count
        mae = count > 0 ? absolute / Double(count) : .nan
        mse = count > 0 ? squared / Double(count) : .nan
    }
}
