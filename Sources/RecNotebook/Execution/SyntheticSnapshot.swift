import Foundation
import RecEngine

/// A generated data set as the cache keeps it: the parsed columns, ids and movies, and the
/// digests of the CSV bytes they were parsed from (the provenance header shows those). Restoring
/// it skips both the generation and the parse, which take most of a synthetic notebook's time.
///
/// Layout: one line of JSON (the layout version, counts, movies, digests), then the user, movie
/// and rating columns as raw 4-byte values, then each id map as `IdMap.packed` gives it: where
/// each id ends (8-byte integers), then the ids' bytes. `init?(packed:)` rejects another
/// layout version and anything whose sizes do not add up.
struct SyntheticSnapshot {
    var ratings: RatingsTable
    var movies: MovieCatalog
    var ratingsSHA256: String
    var moviesSHA256: String

    /// Version 2 packs the ids; version 1 held them in the JSON line, one string per map.
    static let layout = 2

    private struct Header: Codable {
        var layout: Int
        var rows: Int
        var userIds: Int
        var userIdBytes: Int
        var movieIds: Int
        var movieIdBytes: Int
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
        let userIds = ratings.userIds.packed
        let movieIds = ratings.movieIds.packed
        let header = Header(
            layout: Self.layout, rows: ratings.count, userIds: userIds.ends.count, userIdBytes: userIds.bytes.count,
            movieIds: movieIds.ends.count, movieIdBytes: movieIds.bytes.count, movies: movies.movies,
            ratingsSHA256: ratingsSHA256, moviesSHA256: moviesSHA256)
        guard var data = try? JSONEncoder().encode(header) else { return nil }
        data.append(0x0A)
        data.append(PackedBytes.data(ratings.users))
        data.append(PackedBytes.data(ratings.movies))
        data.append(PackedBytes.data(ratings.ratings))
        for ids in [userIds, movieIds] {
            data.append(PackedBytes.data(ids.ends))
            data.append(contentsOf: ids.bytes)
        }
        return data
    }

    init?(packed data: Data) {
        guard let newline = data.firstIndex(of: 0x0A),
            let header = try? JSONDecoder().decode(Header.self, from: data[data.startIndex..<newline]),
            header.layout == Self.layout, header.rows >= 0, header.userIds >= 0, header.movieIds >= 0,
            header.userIdBytes >= 0, header.movieIdBytes >= 0
        else { return nil }
        var reader = Reader(data: data, offset: newline + 1)
        guard let users = reader.array(Int32.self, count: header.rows),
            let movies = reader.array(Int32.self, count: header.rows),
            let ratings = reader.array(Float.self, count: header.rows),
            let userIds = reader.ids(count: header.userIds, bytes: header.userIdBytes),
            let movieIds = reader.ids(count: header.movieIds, bytes: header.movieIdBytes),
            reader.offset == data.endIndex
        else { return nil }
        // Indices must point into the id maps, or later verbs would trap.
        guard Self.indices(users, within: userIds.count), Self.indices(movies, within: movieIds.count) else { return nil }
        self.ratings = RatingsTable(users: users, movies: movies, ratings: ratings, userIds: userIds, movieIds: movieIds)
        self.movies = MovieCatalog(movies: header.movies)
        ratingsSHA256 = header.ratingsSHA256
        moviesSHA256 = header.moviesSHA256
    }

    /// Takes the payload's buffers one after the other, refusing any that would run past the end.
    private struct Reader {
        let data: Data
        var offset: Int

        mutating func array<Value: BitwiseCopyable>(_ type: Value.Type, count: Int) -> [Value]? {
            let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Value>.stride)
            guard !overflow, let bytes = take(size) else { return nil }
            return PackedBytes.array(type, count: count, from: bytes)
        }

        mutating func ids(count: Int, bytes: Int) -> IdMap? {
            guard let ends = array(Int.self, count: count), let bytes = take(bytes) else { return nil }
            return IdMap(packedBytes: [UInt8](bytes), ends: ends)
        }

        private mutating func take(_ size: Int) -> Data? {
            guard size >= 0, size <= data.endIndex - offset else { return nil }
            defer { offset += size }
            return data[offset..<(offset + size)]
        }
    }

    private static func indices(_ column: [Int32], within count: Int) -> Bool {
        guard let low = column.min(), let high = column.max() else { return true }
        return low >= 0 && Int(high) < count
    }
}
