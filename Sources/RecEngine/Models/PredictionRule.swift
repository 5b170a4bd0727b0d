/// How shared prediction (`Predictor`) turns a model's estimate into the rating it reports.
///
/// recbook's default (`.standard`) is Surprise's: a user or movie with no training rating gets
/// the training mean, and every prediction is clipped to the training ratings' range. Keras'
/// `model.evaluate`, as the article uses it, does neither: every index has an embedding row,
/// so a user who never rated anything is scored from the row training left (its initial
/// values, shrunk by the L2 penalty), and a prediction of 6.3 stays 6.3. `.keras` is that rule.
public struct PredictionRule: Sendable, Hashable, Codable {
    /// What a user or movie with no training rating gets.
    public enum Fallback: String, Sendable, Hashable, Codable, CaseIterable {
        /// The training mean (the model cannot estimate it).
        case mean
        /// Nothing: the model scores it from its parameters as they are after training. Only
        /// models that keep such parameters take it (`RatingEstimator.estimatesUnseenAsTrained`).
        case none
    }

    public var fallback: Fallback
    /// Whether predictions are clipped to the training ratings' range.
    public var clip: Bool

    public init(fallback: Fallback = .mean, clip: Bool = true) {
        self.fallback = fallback
        self.clip = clip
    }

    /// Training mean for the unknown, clipped to the rating range (recbook's default).
    public static let standard = PredictionRule()
    /// As Keras' `model.evaluate`: no fallback, no clipping.
    public static let keras = PredictionRule(fallback: .none, clip: false)
}
