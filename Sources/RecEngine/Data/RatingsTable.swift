/// Ratings as parallel columns of dense indices, in file order (duplicate rows kept, as the
/// article keeps them). Outside ids live in the two id maps.
public struct RatingsTable: Sendable {
    public var users: [Int32]
    public var movies: [Int32]
    public var ratings: [Float]
    public var userIds: IdMap
    public var movieIds: IdMap

    public init(users: [Int32], movies: [Int32], ratings: [Float], userIds: IdMap, movieIds: IdMap) {
        precondition(users.count == movies.count && movies.count == ratings.count)
        self.users = users
        self.movies = movies
        self.ratings = ratings
        self.userIds = userIds
        self.movieIds = movieIds
    }

    public var count: Int { ratings.count }
    public var userCount: Int { userIds.count }
    public var movieCount: Int { movieIds.count }

    /// The same table with every rating equal to `old` set to `new` (the article turns -1,
    /// "seen but not rated", into 1). Returns how many ratings changed.
    public func replacingRatings(_ old: Float, with new: Float) -> (table: RatingsTable, replaced: Int) {
        var copy = self
        var replaced = 0
        for index in copy.ratings.indices where copy.ratings[index] == old {
            copy.ratings[index] = new
            replaced += 1
        }
        return (copy, replaced)
    }
}
