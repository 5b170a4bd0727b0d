import Foundation
import Testing

@testable import RecEngine

@Suite struct MoviesReaderTests {
    @Test func readsDoubanMovies() throws {
        let catalog = try MoviesReader.parse(
            Data("20645098,8.2,小王子\n26259677,8.3,垫底辣妹\n".utf8), source: "hot_movies.csv", format: .douban
        ).catalog
        #expect(catalog.count == 2)
        #expect(catalog.movies[0] == Movie(rawId: "20645098", title: "小王子", score: 8.2))
        #expect(catalog.position(ofRawId: "26259677") == 1)
    }

    @Test func readsLatin1MovieLensItems() throws {
        var line = Data("1|Mis".utf8)
        line.append(0xE9)  // é in latin-1, invalid as UTF-8
        line.append(contentsOf: Data("rables (1995)|01-Jan-1995||http://x|0|0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0\n".utf8))
        let catalog = try MoviesReader.parse(line, source: "u.item", format: .movieLens100K).catalog
        #expect(catalog.movies[0].title == "Misérables (1995)")
        #expect(
            throws: DataError.malformedRow(
                path: "u.item", line: 1,
                reason: "the line is not valid UTF-8 (for MovieLens 100K's u.item, use encoding=latin-1)")
        ) {
            var format = MoviesFormat.movieLens100K
            format.encoding = .utf8
            _ = try MoviesReader.parse(line, source: "u.item", format: format)
        }
    }

    @Test func readsQuotedTitles() throws {
        let text = "movieId,title,genres\r\n1,Toy Story (1995),Animation\r\n11,\"American President, The (1995)\",Comedy\r\n"
        let catalog = try MoviesReader.parse(Data(text.utf8), source: "movies.csv", format: .movieLensLatest).catalog
        #expect(catalog.movies.map(\.title) == ["Toy Story (1995)", "American President, The (1995)"])
    }

    @Test func rejectsRepeatedIdsAndBadScores() {
        #expect(throws: DataError.malformedRow(path: "m.csv", line: 2, reason: "movie id 1 is listed twice (first on line 1)")) {
            try MoviesReader.parse(Data("1,8.0,a\n1,7.0,b\n".utf8), source: "m.csv", format: .douban)
        }
        #expect(throws: DataError.malformedRow(path: "m.csv", line: 1, reason: "score \"high\" is not a number")) {
            try MoviesReader.parse(Data("1,high,a\n".utf8), source: "m.csv", format: .douban)
        }
    }

    @Test func scoreSummaryAndOrder() throws {
        let catalog = try MoviesReader.parse(Data("1,8.1,a\n2,7.0,b\n3,8.1,c\n4,9.0,d\n".utf8), source: "m", format: .douban)
            .catalog
        let summary = catalog.scoreSummary()
        #expect(summary.movies == 4 && summary.maximum == 9.0 && summary.minimum == 7.0)
        #expect(abs(summary.mean - 8.05) < 1e-12)
        // Ties keep file order.
        #expect(catalog.positionsByScore() == [1, 0, 2, 3])
    }
}
