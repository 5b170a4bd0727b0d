/// What `SyntheticDouban` generates: sizes, latent structure and the seed.
public struct SynthConfig: Sendable, Hashable, Codable {
    public var users: Int
    /// Movies in the movies file.
    public var listedMovies: Int
    /// Movies with at least one rating (the rest are listed only, as 垫底辣妹 is in the real data).
    public var ratedMovies: Int
    public var ratings: Int
    /// Latent factors behind the ratings.
    public var factors: Int
    public var seed: UInt64

    public init(users: Int, listedMovies: Int, ratedMovies: Int, ratings: Int, factors: Int = 8, seed: UInt64 = 42) {
        self.users = users
        self.listedMovies = listedMovies
        self.ratedMovies = ratedMovies
        self.ratings = ratings
        self.factors = factors
        self.seed = seed
    }

    /// The article's scale: 223,239 users, 166 listed movies of which 165 are rated, 1,007,397 ratings.
    public static let douban = SynthConfig(users: 223_239, listedMovies: 166, ratedMovies: 165, ratings: 1_007_397)
    /// A small set for examples and quick tests.
    public static let small = SynthConfig(users: 2_000, listedMovies: 40, ratedMovies: 39, ratings: 9_000)

    public static let presetNames = ["douban", "small"]

    public static func preset(named name: String) -> SynthConfig? {
        switch name {
        case "douban": return .douban
        case "small": return .small
        default: return nil
        }
    }

    /// The `douban` preset's shape at another size: users grow with the ratings, the movies stay.
    public static func doubanShaped(ratings: Int) -> SynthConfig {
        let users = max(1, Int((Double(ratings) * Double(douban.users) / Double(douban.ratings)).rounded()))
        return SynthConfig(users: users, listedMovies: 166, ratedMovies: 165, ratings: ratings)
    }

    /// Shares of -1, 1, 2, 3, 4 and 5 in the real Douban ratings (counts of the 33,496 real rows
    /// in `../shared/data/douban`: 947, 470, 1,384, 8,035, 13,154, 9,506).
    public static let ratingValues: [Int] = [-1, 1, 2, 3, 4, 5]
    public static let ratingCounts: [Double] = [947, 470, 1_384, 8_035, 13_154, 9_506]

    public func validate() throws(DataError) {
        guard users > 0, ratedMovies > 0, listedMovies >= ratedMovies, factors > 0 else {
            throw .invalidFormat("synthetic data needs users > 0, 0 < rated movies <= listed movies and factors > 0")
        }
        guard ratings >= users else {
            throw .invalidFormat(
                "every synthetic user rates at least one movie, so ratings (\(ratings)) must be at least users (\(users))")
        }
        guard ratings <= users * ratedMovies else {
            throw .invalidFormat("\(users) users cannot give \(ratings) ratings to \(ratedMovies) movies without repeats")
        }
    }
}
