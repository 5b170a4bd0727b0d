/// Count and range of the Douban scores in a movies file.
public struct ScoreSummary: Sendable, Hashable {
    public var movies: Int
    /// Movies with a score (MovieLens lists have none).
    public var scored: Int
    public var minimum: Double
    public var maximum: Double
    public var mean: Double
}

extension MovieCatalog {
    /// Whether any listed movie has a Douban score (Douban's `hot_movies.csv` does; MovieLens
    /// lists do not).
    public var hasScores: Bool {
        movies.contains { $0.score != nil }
    }

    public func scoreSummary() -> ScoreSummary {
        let scores = movies.compactMap(\.score)
        return ScoreSummary(
            movies: count, scored: scores.count, minimum: scores.min() ?? .nan, maximum: scores.max() ?? .nan,
            mean: scores.isEmpty ? .nan : scores.reduce(0, +) / Double(scores.count))
    }

    /// File positions of the scored movies, by increasing score; ties keep file order (a stable
    /// sort), which is the documented order for equal scores.
    public func positionsByScore(ascending: Bool = true) -> [Int] {
        let scored = movies.indices.filter { movies[$0].score != nil }
        return scored.sorted { left, right in
            let a = movies[left].score!
            let b = movies[right].score!
            if a != b { return ascending ? a < b : a > b }
            return left < right
        }
    }
}
