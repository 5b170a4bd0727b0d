import Foundation
import RecEngine
import Testing

@testable import RecNotebook

@Suite struct SyntheticSnapshotTests {
    static func snapshot() throws -> SyntheticSnapshot {
        let files = try SyntheticDouban.generate(.small)
        return SyntheticSnapshot(
            ratings: try RatingsReader.parse(files.ratingsCSV, source: "s", format: .douban).table,
            movies: try MoviesReader.parse(files.moviesCSV, source: "s", format: .douban).catalog,
            ratingsSHA256: ContentDigest.sha256(files.ratingsCSV), moviesSHA256: ContentDigest.sha256(files.moviesCSV))
    }

    @Test func packingRoundTripsEveryColumnAndId() throws {
        let original = try Self.snapshot()
        let packed = try #require(original.packed())
        let restored = try #require(SyntheticSnapshot(packed: packed))
        #expect(restored.ratings.users == original.ratings.users)
        #expect(restored.ratings.movies == original.ratings.movies)
        #expect(restored.ratings.ratings == original.ratings.ratings)
        #expect(restored.ratings.userIds.rawIds == original.ratings.userIds.rawIds)
        #expect(restored.ratings.movieIds.rawIds == original.ratings.movieIds.rawIds)
        #expect(restored.movies.movies == original.movies.movies)
        #expect(restored.ratingsSHA256 == original.ratingsSHA256 && restored.moviesSHA256 == original.moviesSHA256)
    }

    @Test func sizesThatDoNotAddUpAreRejected() throws {
        let snapshot = try Self.snapshot()
        let packed = try #require(snapshot.packed())
        #expect(SyntheticSnapshot(packed: packed.dropLast(4)) == nil)
        #expect(SyntheticSnapshot(packed: packed + Data([0, 0, 0, 0])) == nil)
        #expect(SyntheticSnapshot(packed: Data("{}\n".utf8)) == nil)
    }

    /// An entry written before the ids were packed (layout 1: ids as JSON strings) is refused,
    /// so the cache drops it and generates the data again.
    @Test func anEntryInTheOlderLayoutIsRejected() throws {
        let packed = try #require(try Self.snapshot().packed())
        let newline = try #require(packed.firstIndex(of: 0x0A))
        let header = try #require(String(data: packed[..<newline], encoding: .utf8))
        #expect(header.contains("\"layout\":2"))
        let older = Data(header.replacingOccurrences(of: "\"layout\":2", with: "\"layout\":1").utf8) + packed[newline...]
        #expect(SyntheticSnapshot(packed: older) == nil)
    }

    @Test func indicesOutsideTheIdMapsAreRejected() throws {
        var snapshot = try Self.snapshot()
        snapshot.ratings.users[0] = Int32(snapshot.ratings.userCount)
        let packed = try #require(snapshot.packed())
        #expect(SyntheticSnapshot(packed: packed) == nil)
    }

    @Test func aCachedSyntheticLoadRestoresTheSameDataAndProvenance() throws {
        let cache = CellCache(folder: try RunnerFixtures.folder())
        let notebook =
            "```rec\nload ratings=none.csv movies=none.csv synth=small\n```\n\n```rec\nstats ratings\nrank movies n=3\n```\n"
        let first = RunnerFixtures.run(notebook, data: "/nonexistent", cache: cache)
        let second = RunnerFixtures.run(notebook, data: "/nonexistent", cache: cache)
        #expect(first.cells[0].cacheEvents.map(\.summary) == ["synthesize small: computed (no entry)"])
        #expect(second.cells[0].cacheEvents.map(\.summary) == ["synthesize small: from cache"])
        #expect(second.cells.map(\.results) == first.cells.map(\.results))
        #expect(second.provenance == first.provenance)
        let reseeded = RunnerFixtures.run("```rec\nseed 7\n```\n" + notebook, data: "/nonexistent", cache: cache)
        #expect(reseeded.cells[1].cacheEvents.first?.hit == false, "another seed is other data")
    }
}
