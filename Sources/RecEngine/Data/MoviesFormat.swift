/// The layout of a movies file. Douban's `hot_movies.csv` and MovieLens' item files are presets.
public struct MoviesFormat: Sendable, Hashable, Codable {
    public enum Encoding: String, Sendable, Hashable, Codable, CaseIterable {
        case utf8 = "utf-8"
        case latin1 = "latin-1"
    }

    public var separator: String
    public var hasHeader: Bool
    /// Fields every row must have.
    public var fieldCount: Int
    public var idColumn: Int
    public var titleColumn: Int
    /// The Douban score's column, when the file has one.
    public var scoreColumn: Int?
    /// Where the genres are, when the file has them.
    public var genres: GenreColumns?
    public var encoding: Encoding
    /// Whether fields may be quoted as in RFC 4180 (`"Title, The (1995)"`).
    public var quoted: Bool
    public var skipMalformed: Bool

    public init(
        separator: String, hasHeader: Bool = false, fieldCount: Int, idColumn: Int, titleColumn: Int,
        scoreColumn: Int?, genres: GenreColumns? = nil, encoding: Encoding = .utf8, quoted: Bool = false,
        skipMalformed: Bool = false
    ) {
        self.separator = separator
        self.hasHeader = hasHeader
        self.fieldCount = fieldCount
        self.idColumn = idColumn
        self.titleColumn = titleColumn
        self.scoreColumn = scoreColumn
        self.genres = genres
        self.encoding = encoding
        self.quoted = quoted
        self.skipMalformed = skipMalformed
    }

    /// `hot_movies.csv`: `movieId,doubanScore,title`, UTF-8, no header.
    public static let douban = MoviesFormat(
        separator: ",", fieldCount: 3, idColumn: 0, titleColumn: 2, scoreColumn: 1)
    /// MovieLens 100K's `u.item`: 24 `|`-separated fields, the last 19 genre flags, latin-1.
    public static let movieLens100K = MoviesFormat(
        separator: "|", fieldCount: 24, idColumn: 0, titleColumn: 1, scoreColumn: nil,
        genres: .flags(firstColumn: 6, genres: GenreColumns.movieLens100KGenres), encoding: .latin1)
    /// MovieLens 1M's `movies.dat`: `id::title::genres`, latin-1.
    public static let movieLens1M = MoviesFormat(
        separator: "::", fieldCount: 3, idColumn: 0, titleColumn: 1, scoreColumn: nil,
        genres: .names(column: 2, separator: "|", noGenre: "(no genres listed)"), encoding: .latin1)
    /// MovieLens latest's `movies.csv`: a header, quoted titles, UTF-8.
    public static let movieLensLatest = MoviesFormat(
        separator: ",", hasHeader: true, fieldCount: 3, idColumn: 0, titleColumn: 1, scoreColumn: nil,
        genres: .names(column: 2, separator: "|", noGenre: "(no genres listed)"), quoted: true)
    /// The header line of MovieLens latest's (and 20M's, 25M's, 32M's) `movies.csv`.
    public static let movieLensLatestHeader = "movieId,title,genres"

    public func validate() throws(DataError) {
        guard !separator.isEmpty else { throw .invalidFormat("the separator is empty") }
        var columns = [idColumn, titleColumn]
        if let scoreColumn { columns.append(scoreColumn) }
        columns += genres?.columns ?? []
        guard columns.allSatisfy({ (0..<fieldCount).contains($0) }) else {
            throw .invalidFormat("the id, title, score and genre columns must be below the field count \(fieldCount)")
        }
        guard Set(columns).count == columns.count else {
            throw .invalidFormat("the id, title, score and genre columns must differ")
        }
    }
}
