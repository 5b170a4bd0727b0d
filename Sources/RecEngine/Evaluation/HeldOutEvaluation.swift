/// Scoring a fitted model on held-out ratings through the shared `Predictor`: the fallback
/// is the training mean and predictions are clipped to the training ratings' range.
public enum HeldOutEvaluation {
    /// The `Predictor` recbook uses for a model fitted on `train`.
    public static func predictor<Model: RatingEstimator>(_ model: Model, train: RatingsTable) -> Predictor<Model> {
        var sum = 0.0
        var lowest = Float.infinity
        var highest = -Float.infinity
        for rating in train.ratings {
            sum += Double(rating)
            lowest = min(lowest, rating)
            highest = max(highest, rating)
        }
        let mean = train.count > 0 ? sum / Double(train.count) : 0
        let scale = train.count > 0 ? Double(lowest)...Double(highest) : -Double.infinity...Double.infinity
        return Predictor(model: model, fallback: mean, scale: scale)
    }

    /// Predictions for every row of `test`, in order.
    public static func predictions<Model: RatingEstimator>(_ predictor: Predictor<Model>, on test: RatingsTable) -> [Double] {
        (0..<test.count).map { predictor.predict(user: Int(test.users[$0]), movie: Int(test.movies[$0])).value }
    }

    /// MAE, MSE and RMSE of `model` (fitted on `train`) on `test`.
    public static func errors<Model: RatingEstimator>(_ model: Model, train: RatingsTable, test: RatingsTable) -> ErrorMetrics {
        let predicted = predictions(predictor(model, train: train), on: test)
        return ErrorMetrics(predicted: predicted, actual: test.ratings.map(Double.init))
    }
}
