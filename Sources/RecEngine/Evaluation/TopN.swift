/// A user's movies ranked by predicted rating.
public enum TopN {
    /// Every movie in `0..<movieCount` with the predictor's value for `user`, highest first;
    /// equal predictions keep movie index order.
    public static func ranking<Model: RatingEstimator>(
        _ predictor: Predictor<Model>, user: Int, movieCount: Int
    ) -> [(movie: Int, prediction: Double)] {
        let scored = (0..<movieCount).map { (movie: $0, prediction: predictor.predict(user: user, movie: $0).value) }
        return scored.sorted { $0.prediction != $1.prediction ? $0.prediction > $1.prediction : $0.movie < $1.movie }
    }
}
