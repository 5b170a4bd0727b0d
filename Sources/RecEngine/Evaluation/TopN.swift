/// A user's best movies by predicted rating.
public enum TopN {
    /// The `count` movies of `0..<movieCount` outside `excluded` (the movies the user already
    /// rated) with the highest predicted value for `user`, highest first; equal predictions keep
    /// movie index order.
    ///
    /// Excluded movies are dropped *before* the cut, so the list is shorter than `count` only when
    /// fewer movies are left. (The article cut its top 30 first and dropped rated movies after,
    /// so a user who had rated many favourites got fewer than 30; that is not what users expect.)
    public static func unrated<Model: RatingEstimator>(
        _ predictor: Predictor<Model>, user: Int, movieCount: Int, excluding excluded: Set<Int>, count: Int
    ) -> [(movie: Int, prediction: Double)] {
        let scored = (0..<movieCount).filter { !excluded.contains($0) }
            .map { (movie: $0, prediction: predictor.predict(user: user, movie: $0).value) }
        let ranked = scored.sorted { $0.prediction != $1.prediction ? $0.prediction > $1.prediction : $0.movie < $1.movie }
        return Array(ranked.prefix(count))
    }
}
