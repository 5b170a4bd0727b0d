/// Shared prediction: the model's estimate when it has one, else the training mean, clipped
/// to the rating scale; `rule` can turn the fallback and the clipping off.
public struct Predictor<Model: RatingEstimator>: Sendable {
    public let model: Model
    /// Used when the model cannot estimate (unknown user or movie, or a non-finite estimate).
    public let fallback: Double
    public let scale: ClosedRange<Double>
    public let rule: PredictionRule

    public init(model: Model, fallback: Double, scale: ClosedRange<Double>) {
        self.model = model
        self.fallback = fallback
        self.scale = scale
        self.rule = .standard
    }

    private init(model: Model, fallback: Double, scale: ClosedRange<Double>, rule: PredictionRule) {
        self.model = model
        self.fallback = fallback
        self.scale = scale
        self.rule = rule
    }

    /// This predictor following `rule` instead; throws when the rule asks for no fallback and
    /// the model keeps no parameters for users and movies with no training rating.
    public func following(_ rule: PredictionRule) throws(PredictionRuleError) -> Predictor {
        if rule.fallback == .none && !model.estimatesUnseenAsTrained { throw .noParametersForUnseen }
        return Predictor(model: model, fallback: fallback, scale: scale, rule: rule)
    }

    /// The same fallback, scale and rule around `model` (the same model seen as another type,
    /// as `withConcreteModel` needs).
    public func replacingModel<Other: RatingEstimator>(with model: Other) -> Predictor<Other> {
        Predictor<Other>(model: model, fallback: fallback, scale: scale, rule: rule)
    }

    public struct Prediction: Sendable, Hashable {
        public var value: Double
        /// False when the fallback was used.
        public var estimated: Bool
    }

    /// With `rule.fallback == .none`, a user or movie outside the model's tables (or a
    /// non-finite estimate) still gets `fallback`, counted as not estimated.
    public func predict(user: Int, movie: Int) -> Prediction {
        do {
            let raw =
                rule.fallback == .none
                ? try model.estimateAsTrained(user: user, movie: movie) : try model.estimate(user: user, movie: movie)
            guard raw.isFinite else { return Prediction(value: fallback, estimated: false) }
            return Prediction(value: rule.clip ? min(scale.upperBound, max(scale.lowerBound, raw)) : raw, estimated: true)
        } catch {
            return Prediction(value: fallback, estimated: false)
        }
    }
}
