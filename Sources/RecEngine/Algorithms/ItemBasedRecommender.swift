/// The article's item-based recommendation (section 4): every movie a user rated votes for the
/// movies correlated with it, weighted by the user's rating.
///
/// For user `u` with rated movies `R(u)` and ratings `x_u`:
///
///     score(m) = Σ_{a ∈ R(u), r(a, m) defined} r(a, m) · x_{u,a}
///
/// over the movies `m` with at least one defined correlation to a rated movie (the article's
/// `cor_matrix[a].dropna() * rating`, appended and summed per movie), minus `R(u)`, sorted by
/// decreasing score (ties by movie index), first `count`. A movie's correlation with itself
/// takes part in the sum, as in the article, but rated movies are dropped afterwards, so it
/// never shows. The score is not a rating: it grows with the number of rated movies, which is
/// why item CF's error cannot be measured from it (see `ItemKNN` for a predicted rating).
public struct ItemBasedRecommender: Sendable {
    public let matrix: RatingMatrix
    public let correlation: ItemCorrelation

    public init(matrix: RatingMatrix, correlation: ItemCorrelation) {
        precondition(matrix.movieCount == correlation.movieCount, "the correlation must come from this matrix")
        self.matrix = matrix
        self.correlation = correlation
    }

    /// Each movie's score for `user` by dense movie index: NaN where no rated movie has a defined
    /// correlation with it. Rated movies keep their score here; `ranking` drops them.
    public func scores(user: Int) -> [Double] {
        precondition(user >= 0 && user < matrix.userCount, "callers check the user index against the data")
        let movies = matrix.movieCount
        var sums = [Double](repeating: 0, count: movies)
        var defined = [Bool](repeating: false, count: movies)
        let (rated, ratings) = matrix.row(user)
        let values = correlation.values
        for (movie, rating) in zip(rated, ratings) {
            let base = Int(movie) * movies
            let weight = Double(rating)
            for other in 0..<movies {
                let r = values[base + other]
                if r.isNaN { continue }
                sums[other] += r * weight
                defined[other] = true
            }
        }
        return (0..<movies).map { defined[$0] ? sums[$0] : .nan }
    }

    /// Every movie the user has not rated and that has a score, best first.
    public func ranking(user: Int) -> [ScoredMovie] {
        let scores = scores(user: user)
        var seen = [Bool](repeating: false, count: matrix.movieCount)
        for movie in matrix.row(user).movies { seen[Int(movie)] = true }
        return scores.indices
            .filter { !seen[$0] && !scores[$0].isNaN }
            .map { ScoredMovie(movie: $0, score: scores[$0]) }
            .sorted(by: ScoredMovie.ranksBefore)
    }

    /// The first `count` of `ranking(user:)`: the article's `recommend.drop(rated).head(count)`.
    public func recommend(user: Int, count: Int) -> [ScoredMovie] {
        Array(ranking(user: user).prefix(count))
    }
}
