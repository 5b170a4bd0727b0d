/// Counts and range of a ratings table: what the article prints before anything else.
public struct RatingSummary: Sendable, Hashable {
    public var rows: Int
    public var users: Int
    public var movies: Int
    public var minimum: Double
    public var maximum: Double
    /// Sums in `Double`, so the mean matches pandas to the last printed digit.
    public var mean: Double
}

extension RatingsTable {
    public func summary() -> RatingSummary {
        var minimum = Float.infinity
        var maximum = -Float.infinity
        var sum = 0.0
        for rating in ratings {
            minimum = Swift.min(minimum, rating)
            maximum = Swift.max(maximum, rating)
            sum += Double(rating)
        }
        return RatingSummary(
            rows: count, users: userCount, movies: movieCount, minimum: Double(minimum),
            maximum: Double(maximum), mean: count > 0 ? sum / Double(count) : .nan)
    }

    /// How many rows carry each rating value, in increasing order of the value.
    public func ratingHistogram() -> [(rating: Double, count: Int)] {
        var counts: [Float: Int] = [:]
        for rating in ratings { counts[rating, default: 0] += 1 }
        return counts.keys.sorted().map { (Double($0), counts[$0]!) }
    }
}
