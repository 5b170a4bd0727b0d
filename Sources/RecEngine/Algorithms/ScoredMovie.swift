/// A movie (dense index) with the score that ranked it.
public struct ScoredMovie: Sendable, Hashable, Codable {
    public var movie: Int
    public var score: Double

    public init(movie: Int, score: Double) {
        self.movie = movie
        self.score = score
    }

    /// Higher scores first, ties by movie index, NaN after every number: recbook's one ranking order.
    public static func ranksBefore(_ left: ScoredMovie, _ right: ScoredMovie) -> Bool {
        switch (left.score.isNaN, right.score.isNaN) {
        case (false, true): return true
        case (true, false): return false
        case (true, true): return left.movie < right.movie
        case (false, false): return left.score != right.score ? left.score > right.score : left.movie < right.movie
        }
    }
}
