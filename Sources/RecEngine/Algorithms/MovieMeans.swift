/// Each movie's mean user rating and rating count: the "voice of the audience" ranking of the
/// article's section 3, and the popularity baseline of the later comparisons.
public struct MovieMeans: Sendable {
    /// By dense movie index; NaN for a movie with no rating.
    public let means: [Double]
    public let counts: [Int]

    public init(_ table: RatingsTable) {
        var sums = [Double](repeating: 0, count: table.movieCount)
        var counts = [Int](repeating: 0, count: table.movieCount)
        for index in 0..<table.count {
            let movie = Int(table.movies[index])
            sums[movie] += Double(table.ratings[index])
            counts[movie] += 1
        }
        means = zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : .nan }
        self.counts = counts
    }

    /// Dense movie indices by decreasing mean rating; equal means keep index order.
    /// `minimumCount` leaves out movies with fewer ratings than that.
    public func ranking(minimumCount: Int = 1) -> [Int] {
        means.indices
            .filter { counts[$0] >= Swift.max(1, minimumCount) }
            .sorted { means[$0] != means[$1] ? means[$0] > means[$1] : $0 < $1 }
    }
}
