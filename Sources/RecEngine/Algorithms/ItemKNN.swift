/// Item-based k-nearest-neighbour rating prediction with mean centring (Sarwar et al., 2001;
/// Surprise's `KNNWithMeans` with `user_based=False`), on the article's Pearson correlations.
///
/// For user `u` and movie `i`, the neighbours `N_k(i; u)` are the (at most) `k` movies `j ≠ i`
/// that `u` rated in training with the highest positive correlation `s(i, j)` (ties by movie
/// index; NaN and non-positive correlations are never neighbours). With `μ_j` each movie's mean
/// training rating,
///
///     r̂(u, i) = μ_i + Σ_{j ∈ N_k(i; u)} s(i, j) · (r(u, j) − μ_j) / Σ_{j ∈ N_k(i; u)} s(i, j)
///
/// and `r̂(u, i) = μ_i` when `u` has no neighbour of `i` (as Surprise does). Nothing is learned
/// beyond the correlations and the means, so `fit` is the pivot plus `ItemCorrelation`.
/// Estimation throws `unknownUser` for a user without training ratings and `unknownMovie` for a
/// movie without any, so `Predictor` falls back to the global mean for them.
public struct ItemKNN: RatingEstimator, Sendable {
    /// Validated settings.
    public struct Config: Sendable, Hashable, Codable {
        /// Most neighbours per estimate (Surprise's default is 40).
        public var neighbours: Int
        /// pandas' `min_periods` for the correlations (the article's 100).
        public var minPeriods: Int

        public init(neighbours: Int = 40, minPeriods: Int = 100) {
            self.neighbours = neighbours
            self.minPeriods = minPeriods
        }

        public func validate() throws(ConfigError) {
            guard neighbours >= 1 else { throw ConfigError(setting: "neighbours", allowed: "at least 1", given: "\(neighbours)") }
            try ItemCorrelation.Config(minPeriods: minPeriods).validate()
        }
    }

    public let config: Config
    /// The fitted state in one immutable reference, so that copying the model (as generic code
    /// such as `Predictor` does on every call in unoptimised builds) retains one object, not
    /// every array.
    private let fitted: Fitted

    private final class Fitted: Sendable {
        let matrix: RatingMatrix
        let correlation: ItemCorrelation
        let means: [Double]
        // The arrays `estimate` reads, held directly (sharing storage with the two above).
        let rowStart: [Int]
        let rowMovies: [Int32]
        let rowValues: [Float]
        let similarities: [Double]
        let movieCount: Int

        init(matrix: RatingMatrix, correlation: ItemCorrelation) {
            self.matrix = matrix
            self.correlation = correlation
            self.means = matrix.movieMeans()
            self.rowStart = matrix.rowStart
            self.rowMovies = matrix.rowMovies
            self.rowValues = matrix.rowValues
            self.similarities = correlation.values
            self.movieCount = matrix.movieCount
        }
    }

    public var matrix: RatingMatrix { fitted.matrix }
    public var correlation: ItemCorrelation { fitted.correlation }
    /// Each movie's mean training rating (over the pivot's cells); NaN for an unrated movie.
    public var means: [Double] { fitted.means }

    /// Builds the training pivot and its correlations (on `threads` threads), then the model.
    public static func fit(_ train: RatingsTable, config: Config, threads: Int = allCores) throws(ConfigError) -> ItemKNN {
        try config.validate()
        let matrix = RatingMatrix(train)
        let correlation = try ItemCorrelation(
            matrix, config: ItemCorrelation.Config(minPeriods: config.minPeriods), threads: threads)
        return try ItemKNN(matrix: matrix, correlation: correlation, neighbours: config.neighbours)
    }

    /// The model on an already computed pivot and correlation (the notebook caches both).
    public init(matrix: RatingMatrix, correlation: ItemCorrelation, neighbours: Int) throws(ConfigError) {
        precondition(matrix.movieCount == correlation.movieCount, "the correlation must come from this matrix")
        let config = Config(neighbours: neighbours, minPeriods: correlation.config.minPeriods)
        try config.validate()
        self.config = config
        self.fitted = Fitted(matrix: matrix, correlation: correlation)
    }

    public func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
        let fitted = self.fitted
        let rowStart = fitted.rowStart
        let rowMovies = fitted.rowMovies
        let rowValues = fitted.rowValues
        let similarities = fitted.similarities
        let means = fitted.means
        let movieCount = fitted.movieCount
        guard user >= 0 && user + 1 < rowStart.count && rowStart[user] < rowStart[user + 1] else {
            throw .unknownUser(user)
        }
        // A movie without training ratings has no mean.
        guard movie >= 0 && movie < movieCount && !means[movie].isNaN else {
            throw .unknownMovie(movie)
        }
        let base = movie * movieCount
        let range = rowStart[user]..<rowStart[user + 1]
        var positive = 0
        for position in range where Int(rowMovies[position]) != movie {
            if similarities[base + Int(rowMovies[position])] > 0 { positive += 1 }
        }
        guard positive > 0 else { return means[movie] }
        var weighted = 0.0
        var weights = 0.0
        if positive <= config.neighbours {
            // The common case (a few ratings per user): every positive neighbour counts, no sort.
            for position in range {
                let other = Int(rowMovies[position])
                let similarity = similarities[base + other]
                guard other != movie && similarity > 0 else { continue }
                weighted += similarity * (Double(rowValues[position]) - means[other])
                weights += similarity
            }
        } else {
            var candidates: [(similarity: Double, movie: Int, rating: Float)] = []
            candidates.reserveCapacity(positive)
            for position in range {
                let other = Int(rowMovies[position])
                let similarity = similarities[base + other]
                guard other != movie && similarity > 0 else { continue }
                candidates.append((similarity, other, rowValues[position]))
            }
            candidates.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.movie < $1.movie }
            for neighbour in candidates.prefix(config.neighbours) {
                weighted += neighbour.similarity * (Double(neighbour.rating) - means[neighbour.movie])
                weights += neighbour.similarity
            }
        }
        return means[movie] + weighted / weights
    }

    /// How many neighbours `estimate` uses for this pair (0 means it returned the movie's mean).
    public func neighbourCount(user: Int, movie: Int) -> Int {
        let rowStart = fitted.rowStart
        let rowMovies = fitted.rowMovies
        let similarities = fitted.similarities
        let movieCount = fitted.movieCount
        guard user >= 0 && user + 1 < rowStart.count, movie >= 0 && movie < movieCount else { return 0 }
        let base = movie * movieCount
        var positive = 0
        for position in rowStart[user]..<rowStart[user + 1] {
            let other = Int(rowMovies[position])
            if other != movie && similarities[base + other] > 0 { positive += 1 }
        }
        return min(positive, config.neighbours)
    }
}
