/// Why a model could not estimate a rating; shared prediction falls back for these.
public enum EstimateError: Error, Sendable, Hashable {
    /// The user had no training ratings.
    case unknownUser(Int)
    /// The movie had no training ratings.
    case unknownMovie(Int)
    /// Nothing to go on for this pair (e.g. item kNN with no rated neighbour).
    case impossible
}

/// What every fitted model provides: an estimate on dense indices, or an error when it cannot.
/// Id mapping, fallback and clipping happen once, in `Predictor` (Surprise's pattern).
public protocol RatingEstimator: Sendable {
    func estimate(user: Int, movie: Int) throws(EstimateError) -> Double
}

/// Shared prediction: the model's estimate when it has one, else the training mean, clipped
/// to the rating scale.
public struct Predictor<Model: RatingEstimator>: Sendable {
    public let model: Model
    /// Used when the model cannot estimate (unknown user or movie).
    public let fallback: Double
    public let scale: ClosedRange<Double>

    public init(model: Model, fallback: Double, scale: ClosedRange<Double>) {
        self.model = model
        self.fallback = fallback
        self.scale = scale
    }

    public struct Prediction: Sendable, Hashable {
        public var value: Double
        /// False when the fallback was used.
        public var estimated: Bool
    }

    public func predict(user: Int, movie: Int) -> Prediction {
        do {
            let raw = try model.estimate(user: user, movie: movie)
            guard raw.isFinite else { return Prediction(value: fallback, estimated: false) }
            return Prediction(value: min(scale.upperBound, max(scale.lowerBound, raw)), estimated: true)
        } catch {
            return Prediction(value: fallback, estimated: false)
        }
    }
}
