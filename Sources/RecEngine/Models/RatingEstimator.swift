/// What every fitted model provides: an estimate on dense indices, or an error when it cannot.
/// Id mapping, fallback and clipping happen once, in `Predictor` (Surprise's pattern).
public protocol RatingEstimator: Sendable {
    func estimate(user: Int, movie: Int) throws(EstimateError) -> Double

    /// Whether `estimateAsTrained` scores users and movies with no training rating from
    /// parameters of their own (Keras' embedding rows); false by default.
    var estimatesUnseenAsTrained: Bool { get }

    /// The estimate from the parameters exactly as training left them, for users and movies
    /// with no training rating too (`PredictionRule.Fallback.none`). By default `estimate`.
    func estimateAsTrained(user: Int, movie: Int) throws(EstimateError) -> Double
}

extension RatingEstimator {
    public var estimatesUnseenAsTrained: Bool { false }

    public func estimateAsTrained(user: Int, movie: Int) throws(EstimateError) -> Double {
        try estimate(user: user, movie: movie)
    }
}
