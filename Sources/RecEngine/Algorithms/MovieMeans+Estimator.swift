/// The popularity baseline as a model: every user gets the movie's mean training rating.
extension MovieMeans: RatingEstimator {
    public func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
        guard movie >= 0 && movie < counts.count && counts[movie] > 0 else { throw .unknownMovie(movie) }
        return means[movie]
    }
}
