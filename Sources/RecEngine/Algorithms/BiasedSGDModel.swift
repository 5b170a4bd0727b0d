import Foundation

/// A fitted Surprise-style biased SVD (see `BiasedSGDConfig` for the model and update rule).
/// An unknown user or movie drops its terms, as Surprise does: a known movie alone gives
/// `μ + b_i`; when neither is known `estimate` throws and `Predictor` falls back.
public struct BiasedSGDModel: RatingEstimator, Sendable {
    public let config: BiasedSGDConfig
    public let globalMean: Double
    public let userBias: [Float]
    public let movieBias: [Float]
    /// users × k and movies × k, row-major.
    public let userFactors: [Float]
    public let movieFactors: [Float]
    public let seenUsers: [Bool]
    public let seenMovies: [Bool]

    /// Fits on every row of `table`.
    public static func fit(_ config: BiasedSGDConfig, on table: RatingsTable) throws(TrainingError) -> BiasedSGDModel {
        do { try config.validate() } catch { throw .invalidConfig(error) }
        guard table.count > 0 else { throw .noTrainingData }
        let k = config.factors
        let users = table.userCount
        let movies = table.movieCount
        var generator = SplitMix64(seed: SplitMix64.derived(config.seed, 2))
        var userFactors = [Float](repeating: 0, count: users * k)
        var movieFactors = [Float](repeating: 0, count: movies * k)
        for index in userFactors.indices {
            userFactors[index] = config.initMean + config.initStandardDeviation * Float(generator.nextGaussian())
        }
        for index in movieFactors.indices {
            movieFactors[index] = config.initMean + config.initStandardDeviation * Float(generator.nextGaussian())
        }
        var userBias = [Float](repeating: 0, count: users)
        var movieBias = [Float](repeating: 0, count: movies)
        let order = RatingsTable.userOrder(table)
        // The walk never changes, so lay the columns out in its order once.
        let walkUsers = order.map { table.users[$0] }
        let walkMovies = order.map { table.movies[$0] }
        let walkRatings = order.map { table.ratings[$0] }
        var sum = 0.0
        for rating in table.ratings { sum += Double(rating) }
        let mean = sum / Double(table.count)
        let globalMean = Float(mean)
        let lr = config.learningRate
        let reg = config.regularization
        var seenUsers = [Bool](repeating: false, count: users)
        var seenMovies = [Bool](repeating: false, count: movies)
        for row in 0..<table.count {
            seenUsers[Int(table.users[row])] = true
            seenMovies[Int(table.movies[row])] = true
        }
        for epoch in 1...config.epochs {
            BiasedSGDKernel.epoch(
                users: walkUsers, movies: walkMovies, ratings: walkRatings, mean: globalMean, userBias: &userBias,
                movieBias: &movieBias, userFactors: &userFactors, movieFactors: &movieFactors, factors: k,
                learningRate: lr, regularization: reg)
            let finite =
                userBias.allSatisfy(\.isFinite) && movieBias.allSatisfy(\.isFinite)
                && userFactors.allSatisfy(\.isFinite) && movieFactors.allSatisfy(\.isFinite)
            guard finite else { throw .diverged(epoch: epoch, learningRate: lr) }
        }
        return BiasedSGDModel(
            config: config, globalMean: mean, userBias: userBias, movieBias: movieBias, userFactors: userFactors,
            movieFactors: movieFactors, seenUsers: seenUsers, seenMovies: seenMovies)
    }

    public func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
        let knownUser = user >= 0 && user < seenUsers.count && seenUsers[user]
        let knownMovie = movie >= 0 && movie < seenMovies.count && seenMovies[movie]
        guard knownUser || knownMovie else { throw .unknownUser(user) }
        var estimate = globalMean
        if knownUser { estimate += Double(userBias[user]) }
        if knownMovie { estimate += Double(movieBias[movie]) }
        if knownUser && knownMovie {
            let k = config.factors
            var dot: Float = 0
            for factor in 0..<k { dot += userFactors[user * k + factor] * movieFactors[movie * k + factor] }
            estimate += Double(dot)
        }
        return estimate
    }
}

extension RatingsTable {
    /// Row indices grouped by user in order of first appearance, each user's rows in file
    /// order: the order Surprise's `trainset.all_ratings()` walks.
    static func userOrder(_ table: RatingsTable) -> [Int] {
        var firstSeen: [Int32] = []
        var counts = [Int](repeating: 0, count: table.userCount)
        for user in table.users {
            if counts[Int(user)] == 0 { firstSeen.append(user) }
            counts[Int(user)] += 1
        }
        var start = [Int](repeating: 0, count: table.userCount)
        var cursor = 0
        for user in firstSeen {
            start[Int(user)] = cursor
            cursor += counts[Int(user)]
        }
        var order = [Int](repeating: 0, count: table.count)
        for row in 0..<table.count {
            let user = Int(table.users[row])
            order[start[user]] = row
            start[user] += 1
        }
        return order
    }
}
