import Foundation
import RecTestSupport
import Testing

@testable import RecEngine

@Suite struct RatingsReaderTests {
    private func parse(_ text: String, _ format: RatingsFormat = .douban) throws -> LoadedRatings {
        try RatingsReader.parse(Data(text.utf8), source: "user_movies.csv", format: format)
    }

    private func message(_ text: String, _ format: RatingsFormat = .douban) -> String? {
        do {
            _ = try parse(text, format)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func denseIdsFollowFirstAppearanceAndKeepDuplicates() throws {
        let loaded = try parse("alice,20645098,4\nbob,20645098,3\nalice,11808948,5\nalice,11808948,5")
        let table = loaded.table
        #expect(table.count == 4)
        #expect(table.userIds.rawIds == ["alice", "bob"])
        #expect(table.movieIds.rawIds == ["20645098", "11808948"])
        #expect(table.users == [0, 1, 0, 0])
        #expect(table.movies == [0, 0, 1, 1])
        #expect(table.ratings == [4, 3, 5, 5])
        #expect(table.userIds.index(of: "bob") == 1)
        #expect(table.userIds.index(of: "carol") == nil)
    }

    @Test func acceptsNumericUsersCRLFAndAFinalNewline() throws {
        let table = try parse("136801905,1,-1\r\n2,1,5\r\n").table
        #expect(table.userIds.rawIds == ["136801905", "2"])
        #expect(table.ratings == [-1, 5])
    }

    @Test func readsMovieLensLayouts() throws {
        let tab = try parse("196\t242\t3\t881250949\n186\t302\t3\t891717742\n", .movieLens100K).table
        #expect(tab.count == 2 && tab.movieIds.rawIds == ["242", "302"])
        let colons = try parse("1::1193::5::978300760\n", .movieLens1M).table
        #expect(colons.userIds.rawIds == ["1"] && colons.movieIds.rawIds == ["1193"] && colons.ratings == [5])
        let latest = try parse("userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n1,3,3.5,964981247\r\n", .movieLensLatest)
            .table
        #expect(latest.ratings == [4, 3.5])
    }

    @Test func malformedRowsNameFileLineAndReason() {
        #expect(message("a,1,4\nb,1\n") == "user_movies.csv:2: expected 3 fields separated by commas, found 2")
        #expect(message("a,1,4\nb,1,4,7\n") == "user_movies.csv:2: expected 3 fields separated by commas, found 4")
        #expect(message("a,1,four\n") == "user_movies.csv:1: rating \"four\" is not a number")
        #expect(message("a,1,7\n") == "user_movies.csv:1: rating \"7\" is outside the declared range -1...5")
        #expect(message("a,1,3.5\n") == "user_movies.csv:1: rating \"3.5\" is not a whole number")
        #expect(message(",1,3\n") == "user_movies.csv:1: empty user id")
        #expect(message("a,1,nan\n") == "user_movies.csv:1: rating \"nan\" is not a number")
        #expect(message("") == "user_movies.csv: holds no data rows")
    }

    @Test func invalidUTF8IsAnErrorWithItsLine() {
        var bytes = Data("ok,1,3\n".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE, 0x2C, 0x31, 0x2C, 0x33, 0x0A])
        #expect(throws: DataError.malformedRow(path: "x.csv", line: 2, reason: "user id is not valid UTF-8")) {
            try RatingsReader.parse(bytes, source: "x.csv", format: .douban)
        }
    }

    @Test func skipOptionCountsAndReportsSkippedRows() throws {
        var format = RatingsFormat.douban
        format.skipMalformed = true
        let loaded = try parse("a,1,4\nbroken\nb,1,9\nc,2,3", format)
        #expect(loaded.table.count == 2)
        #expect(loaded.skipped.count == 2)
        #expect(loaded.skipped.examples.first == "user_movies.csv:2: expected 3 fields separated by commas, found 1")
    }

    @Test func missingFileAndInvalidFormatAreClear() {
        #expect(throws: DataError.missingFile(path: "/nonexistent/user_movies.csv")) {
            try RatingsReader.read(path: "/nonexistent/user_movies.csv", format: .douban)
        }
        var format = RatingsFormat.douban
        format.ratingColumn = 5
        #expect(throws: DataError.self) { try RatingsReader.parse(Data("a,1,2".utf8), source: "x", format: format) }
    }

    /// Large files are parsed in two chunks at once; ids and line numbers must be as one pass gives.
    /// `name` turns a user number into its id (short ones by default).
    private static func largeFile(
        rows: Int, name: (UInt64) -> String = { "u\($0)" }
    ) -> (text: String, users: [String], movies: [String]) {
        var generator = SplitMix64(seed: 3)
        var lines: [String] = []
        var users: [String] = []
        var movies: [String] = []
        var seen = Set<String>()
        for row in 0..<rows {
            // Later rows bring new users, so some users first appear in the second chunk.
            let user = name(generator.next() % UInt64(1_000 + row / 2))
            let movie = "\(100 + generator.next() % 50)"
            if seen.insert(user).inserted { users.append(user) }
            if seen.insert("movie " + movie).inserted { movies.append(movie) }
            lines.append("\(user),\(movie),\(generator.next() % 5 + 1)")
        }
        return (lines.joined(separator: "\n"), users, movies)
    }

    /// Ids of 1 to 40 bytes, many of them prefixes of others, so records straddle cache lines
    /// and the lengths must tell keys apart, in both chunks and in their merge.
    @Test(arguments: [false, true])
    func chunkedParseKeepsFirstAppearanceOrder(longIds: Bool) throws {
        let (text, users, movies) = Self.largeFile(
            rows: 100_000, name: longIds ? { String(repeating: "x", count: Int($0 % 37)) + "\($0 / 37)" } : { "u\($0)" })
        #expect(text.utf8.count >= RatingsReader.parallelThreshold)
        let table = try parse(text).table
        #expect(table.count == 100_000)
        #expect(table.userIds.rawIds == users)
        #expect(table.movieIds.rawIds == movies)
        for (row, line) in text.split(separator: "\n").enumerated() {
            let fields = line.split(separator: ",")
            #expect(table.userIds.rawId(at: Int(table.users[row])) == String(fields[0]))
            #expect(table.movieIds.rawId(at: Int(table.movies[row])) == String(fields[1]))
        }
    }

    /// Every byte value next to newlines, at every alignment: the count reads eight bytes at once.
    @Test func newlineCountMatchesAByteByByteCount() {
        var generator = SplitMix64(seed: 3)
        let bytes = (0..<4_099).map { _ in
            generator.next() % 4 == 0 ? UInt8(0x0A) : UInt8(truncatingIfNeeded: generator.next())
        }
        ByteView.with(bytes) { view in
            for range in [0..<bytes.count, 1..<4_098, 3..<3, 5..<12, 7..<4_000] {
                #expect(view.newlineCount(in: range) == bytes[range].filter { $0 == 0x0A }.count, "\(range)")
            }
        }
    }

    @Test func chunkedParseReportsTheFileLine() {
        var lines = Self.largeFile(rows: 100_000).text.split(separator: "\n").map(String.init)
        lines[90_000] = "broken"
        #expect(message(lines.joined(separator: "\n")) == "user_movies.csv:90001: expected 3 fields separated by commas, found 1")
        var format = RatingsFormat.douban
        format.skipMalformed = true
        lines[10] = "early,1"
        let loaded = try? parse(lines.joined(separator: "\n"), format)
        #expect(loaded?.skipped.count == 2)
        #expect(
            loaded?.skipped.examples == [
                "user_movies.csv:11: expected 3 fields separated by commas, found 2",
                "user_movies.csv:90001: expected 3 fields separated by commas, found 1",
            ])
    }

    @Test(.requires(.douban))
    func readsTheRealSubset() throws {
        let path = TestPaths.douban.appendingPathComponent("user_movies.csv").path
        let table = try RatingsReader.read(path: path, format: .douban).table
        #expect(table.count == 33_496)
        #expect(table.userCount == 29_178)
        #expect(table.movieCount == 9)
        #expect(table.userIds.rawId(at: 0) == "adamwzw")
    }
}
