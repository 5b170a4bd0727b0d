/// How much a score varies between fits that differ only in their seed: the mean, the
/// population standard deviation (as NumPy's `std` and Surprise's fold spread) and the range.
public struct ScoreSpread: Sendable, Hashable {
    public let mean: Double
    public let standardDeviation: Double
    public let lowest: Double
    public let highest: Double

    /// The spread of `scores`, at least one.
    public init(_ scores: [Double]) {
        precondition(!scores.isEmpty, "a spread needs at least one score")
        let count = Double(scores.count)
        let mean = scores.reduce(0, +) / count
        self.mean = mean
        standardDeviation = (scores.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / count).squareRoot()
        lowest = scores.min()!
        highest = scores.max()!
    }
}
