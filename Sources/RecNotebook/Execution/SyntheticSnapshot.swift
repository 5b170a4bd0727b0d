import Foundation
import RecEngine

/// A generated data set as the cache keeps it: the parsed columns, ids and movies, and the
/// digests of the CSV bytes they were parsed from (the provenance header shows those). Restoring
/// it skips both the generation and the parse, which take most of a synthetic notebook's time.
///
/// Layout: one line of JSON (counts, ids, movies, digests), then the user, movie and rating
/// columns as raw 4-byte values. `init?(packed:)` rejects anything whose sizes do not add up.
struct SyntheticSnapshot {
    var ratings: RatingsTable
    var movies: MovieCatalog
    var ratingsSHA256: String
    var moviesSHA256: String

    private struct Header: Codable {
        var rows: Int
        /// Ids joined by newlines (ids never contain one: both files are line-based).
        var userIds: String
        var movieIds: String
        var movies: [Movie]
        var ratingsSHA256: String
        var moviesSHA256: String
    }

    init(ratings: RatingsTable, movies: MovieCatalog, ratingsSHA256: String, moviesSHA256: String) {
        self.ratings = ratings
        self.movies = movies
        self.ratingsSHA256 = ratingsSHA256
        self.moviesSHA256 = moviesSHA256
    }

    func packed() -> Data? {
        let header = Header(
            rows: ratings.count, userIds: ratings.userIds.rawIds.joined(separator: "\n"),
            movieIds: ratings.movieIds.rawIds.joined(separator: "\n"), movies: movies.movies,
            ratingsSHA256: ratingsSHA256, moviesSHA256: moviesSHA256)
        guard var data = try? JSONEncoder().encode(header) else { return nil }
        data.append(0x0A)
        data.append(PackedBytes.data(ratings.users))
        data.append(PackedBytes.data(ratings.movies))
        data.append(PackedBytes.data(ratings.ratings))
        return data
    }

    init?(packed data: Data) {
        guard let newline = data.firstIndex(of: 0x0A),
            let header = try? JSONDecoder().decode(Header.self, from: data[data.startIndex..<newline])
        else { return nil }
        let columnBytes = header.rows * 4
        let start = newline + 1
        guard data.endIndex - start == 3 * columnBytes,
            let users = PackedBytes.array(Int32.self, count: header.rows, from: data[start..<(start + columnBytes)]),
            let movies = PackedBytes.array(
                Int32.self, count: header.rows, from: data[(start + columnBytes)..<(start + 2 * columnBytes)]),
            let ratings = PackedBytes.array(Float.self, count: header.rows, from: data[(start + 2 * columnBytes)...])
        else { return nil }
        let userIds = IdMap(orderedRawIds: Self.lines(header.userIds))
        let movieIds = IdMap(orderedRawIds: Self.lines(header.movieIds))
        // Indices must point into the id maps, or later verbs would trap.
        guard Self.indices(users, within: userIds.count), Self.indices(movies, within: movieIds.count) else { return nil }
        self.ratings = RatingsTable(users: users, movies: movies, ratings: ratings, userIds: userIds, movieIds: movieIds)
        self.movies = MovieCatalog(movies: header.movies)
        ratingsSHA256 = header.ratingsSHA256
        moviesSHA256 = header.moviesSHA256
    }

    private static func indices(_ column: [Int32], within count: Int) -> Bool {
        guard let low = column.min(), let high = column.max() else { return true }
        return low >= 0 && Int(high) < count
    }

    private static func lines(_ text: String) -> [String] {
        // Split the bytes, not Characters: 223,239 ids split an order of magnitude faster.
        text.isEmpty
            ? [] : text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}
