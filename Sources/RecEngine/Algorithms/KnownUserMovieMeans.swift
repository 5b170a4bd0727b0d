/// The movie-mean baseline item kNN is read against: each movie's mean training rating as the
/// prediction for every user with a training rating (kNN gives the same value where it has no
/// neighbour). It throws for users and movies unseen in training exactly as `ItemKNN` does, so
/// that both fall back to the training mean on the same rows and differ only where the
/// correlations speak. (`MovieMeans` as a model knows every user: it is the popularity baseline.)
public struct KnownUserMovieMeans: RatingEstimator {
    /// By user: whether the user has a training rating.
    let known: [Bool]
    /// By movie: the mean training rating; NaN for a movie without one.
    let means: [Double]

    /// `means` by movie over `matrix`'s cells, as `ItemKNN.means` holds them.
    public init(matrix: RatingMatrix, means: [Double]) {
        known = (0..<matrix.userCount).map { matrix.rowStart[$0] < matrix.rowStart[$0 + 1] }
        self.means = means
    }

    public func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
        guard user >= 0 && user < known.count && known[user] else { throw .unknownUser(user) }
        guard movie >= 0 && movie < means.count && !means[movie].isNaN else { throw .unknownMovie(movie) }
        return means[movie]
    }
}
