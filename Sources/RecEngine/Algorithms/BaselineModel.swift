/// A fitted `BaselineOnly` model: global mean plus user and movie biases (see `BaselineConfig`).
/// Unknown users or movies drop their bias; when both are unknown `estimate` throws.
public struct BaselineModel: RatingEstimator, Sendable {
    public let config: BaselineConfig
    public let globalMean: Double
    public let userBias: [Double]
    public let movieBias: [Double]
    public let seenUsers: [Bool]
    public let seenMovies: [Bool]

    public static func fit(_ config: BaselineConfig, on table: RatingsTable) throws(TrainingError) -> BaselineModel {
        do { try config.validate() } catch { throw .invalidConfig(error) }
        guard table.count > 0 else { throw .noTrainingData }
        var userCounts = [Int](repeating: 0, count: table.userCount)
        var movieCounts = [Int](repeating: 0, count: table.movieCount)
        var sum = 0.0
        for row in 0..<table.count {
            userCounts[Int(table.users[row])] += 1
            movieCounts[Int(table.movies[row])] += 1
            sum += Double(table.ratings[row])
        }
        let mean = sum / Double(table.count)
        var userBias = [Double](repeating: 0, count: table.userCount)
        var movieBias = [Double](repeating: 0, count: table.movieCount)
        for _ in 0..<config.epochs {
            var deviations = [Double](repeating: 0, count: table.movieCount)
            for row in 0..<table.count {
                deviations[Int(table.movies[row])] += Double(table.ratings[row]) - mean - userBias[Int(table.users[row])]
            }
            for movie in movieBias.indices {
                movieBias[movie] = deviations[movie] / (config.movieRegularization + Double(movieCounts[movie]))
            }
            deviations = [Double](repeating: 0, count: table.userCount)
            for row in 0..<table.count {
                deviations[Int(table.users[row])] += Double(table.ratings[row]) - mean - movieBias[Int(table.movies[row])]
            }
            for user in userBias.indices {
                userBias[user] = deviations[user] / (config.userRegularization + Double(userCounts[user]))
            }
        }
        return BaselineModel(
            config: config, globalMean: mean, userBias: userBias, movieBias: movieBias, seenUsers: userCounts.map { $0 > 0 },
            seenMovies: movieCounts.map { $0 > 0 })
    }

    public func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
        let knownUser = user >= 0 && user < seenUsers.count && seenUsers[user]
        let knownMovie = movie >= 0 && movie < seenMovies.count && seenMovies[movie]
        guard knownUser || knownMovie else { throw .unknownUser(user) }
        return globalMean + (knownUser ? userBias[user] : 0) + (knownMovie ? movieBias[movie] : 0)
    }
}
