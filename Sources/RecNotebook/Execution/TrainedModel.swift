import RecEngine

/// A model trained in the session, kept by name for `loss`, `evaluate`, `predictions` and
/// `recommend`.
struct TrainedModel {
    var name: String
    var config: ModelConfig
    /// Predicts through the shared fallback and clipping, set up from the training rows.
    var predictor: Predictor<FittedModel>
    var trainSeconds: Double
    /// What it was trained on, e.g. `training rows of the holdout split (805,918 ratings)`.
    var trainedOn: String

    var history: TrainingHistory? { predictor.model.history }
}
