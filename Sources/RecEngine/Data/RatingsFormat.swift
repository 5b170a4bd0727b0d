/// The layout of a ratings file. Douban's and MovieLens' files are presets of the same reader,
/// not separate readers.
public struct RatingsFormat: Sendable, Hashable, Codable {
    /// Field separator: one or more bytes, e.g. ",", "\t" or "::".
    public var separator: String
    /// Whether the first line is a header to skip.
    public var hasHeader: Bool
    /// Fields every row must have.
    public var fieldCount: Int
    public var userColumn: Int
    public var movieColumn: Int
    public var ratingColumn: Int
    /// Ratings outside this range stop the load (or are skipped, with `skipMalformed`).
    public var ratingRange: ClosedRange<Double>
    /// Whether ratings must be whole numbers (Douban's are).
    public var wholeRatings: Bool
    /// Skip malformed rows and count them, instead of stopping at the first one.
    public var skipMalformed: Bool

    public init(
        separator: String, hasHeader: Bool = false, fieldCount: Int, userColumn: Int = 0,
        movieColumn: Int = 1, ratingColumn: Int = 2, ratingRange: ClosedRange<Double>,
        wholeRatings: Bool, skipMalformed: Bool = false
    ) {
        self.separator = separator
        self.hasHeader = hasHeader
        self.fieldCount = fieldCount
        self.userColumn = userColumn
        self.movieColumn = movieColumn
        self.ratingColumn = ratingColumn
        self.ratingRange = ratingRange
        self.wholeRatings = wholeRatings
        self.skipMalformed = skipMalformed
    }

    /// The article's `user_movies.csv`: `user,movieId,rating`, no header, whole ratings -1...5.
    public static let douban = RatingsFormat(
        separator: ",", fieldCount: 3, ratingRange: -1...5, wholeRatings: true)
    /// MovieLens 100K's `u.data`: `user<TAB>item<TAB>rating<TAB>timestamp`.
    public static let movieLens100K = RatingsFormat(
        separator: "\t", fieldCount: 4, ratingRange: 1...5, wholeRatings: true)
    /// MovieLens 1M's `ratings.dat`: `user::movie::rating::timestamp`.
    public static let movieLens1M = RatingsFormat(
        separator: "::", fieldCount: 4, ratingRange: 1...5, wholeRatings: true)
    /// MovieLens latest's `ratings.csv`: a header, half-star ratings 0.5...5.
    public static let movieLensLatest = RatingsFormat(
        separator: ",", hasHeader: true, fieldCount: 4, ratingRange: 0.5...5, wholeRatings: false)
    /// The header line of MovieLens latest's (and 20M's, 25M's, 32M's) `ratings.csv`.
    public static let movieLensLatestHeader = "userId,movieId,rating,timestamp"

    /// Checks the layout itself, before any file is read.
    public func validate() throws(DataError) {
        guard !separator.isEmpty else { throw .invalidFormat("the separator is empty") }
        guard fieldCount >= 3 else { throw .invalidFormat("a ratings row needs at least 3 fields") }
        let columns = [userColumn, movieColumn, ratingColumn]
        guard columns.allSatisfy({ (0..<fieldCount).contains($0) }) else {
            throw .invalidFormat("the user, movie and rating columns must be below the field count \(fieldCount)")
        }
        guard Set(columns).count == 3 else {
            throw .invalidFormat("the user, movie and rating columns must differ")
        }
    }
}
