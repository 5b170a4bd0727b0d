/// A `PredictionRule` a model cannot follow.
public enum PredictionRuleError: Error, Sendable, Hashable {
    /// `fallback: .none` for a model that keeps no parameters for users or movies with no
    /// training rating (it can only fall back for them).
    case noParametersForUnseen
}
