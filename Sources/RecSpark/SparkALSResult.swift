import RecEngine

/// What a Spark ALS run gives back, checked: one prediction per test row, the factors, and
/// where the time went.
public struct SparkALSResult: Sendable {
    /// One per test row, in test order; NaN only where Spark had no factors (cold start).
    public var predictions: [Double]
    public var model: SparkALSModel
    public var timings: Timings
    /// The master the job actually ran on, as Spark reports it.
    public var master: String
    public var sparkVersion: String

    public struct Timings: Sendable, Hashable {
        /// Starting the JVM and the Spark session, as the job measured it.
        public var startup: Double
        public var fit: Double
        public var predict: Double
        /// Wall time of the whole spark-submit, seen from recbook.
        public var total: Double
    }
}

/// Spark's factors as a model, so recommendations and ranking metrics work on it too.
public struct SparkALSModel: RatingEstimator, Sendable {
    public let rank: Int
    /// Row-major factors by dense index; rows Spark did not return are NaN.
    let userFactors: [Float]
    let movieFactors: [Float]

    public func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
        guard user >= 0, user * rank < userFactors.count, userFactors[user * rank].isFinite else { throw .unknownUser(user) }
        guard movie >= 0, movie * rank < movieFactors.count, movieFactors[movie * rank].isFinite else { throw .unknownMovie(movie) }
        var dot = 0.0
        for f in 0..<rank { dot += Double(userFactors[user * rank + f]) * Double(movieFactors[movie * rank + f]) }
        return dot
    }
}
