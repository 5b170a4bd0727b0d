/// A fitted ALS model: user and movie factors, row-major, `rank` floats per row.
public struct ALSModel: RatingEstimator, Sendable {
    public let rank: Int
    public let userFactors: [Float]
    public let movieFactors: [Float]
    /// Whether each user / movie had training ratings; the others cannot be estimated.
    let userRated: [Bool]
    let movieRated: [Bool]

    /// Factors trained elsewhere (Spark); rows with no training ratings are marked unrated.
    public init(rank: Int, userFactors: [Float], movieFactors: [Float], userRated: [Bool], movieRated: [Bool]) {
        precondition(userFactors.count == userRated.count * rank && movieFactors.count == movieRated.count * rank)
        self.rank = rank
        self.userFactors = userFactors
        self.movieFactors = movieFactors
        self.userRated = userRated
        self.movieRated = movieRated
    }

    public func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
        guard user >= 0, user < userRated.count, userRated[user] else { throw .unknownUser(user) }
        guard movie >= 0, movie < movieRated.count, movieRated[movie] else { throw .unknownMovie(movie) }
        var dot = 0.0
        for f in 0..<rank { dot += Double(userFactors[user * rank + f]) * Double(movieFactors[movie * rank + f]) }
        return dot
    }

    /// True when every factor is finite (a solve can only fail on non-finite input).
    public var isFinite: Bool {
        userFactors.allSatisfy(\.isFinite) && movieFactors.allSatisfy(\.isFinite)
    }
}
