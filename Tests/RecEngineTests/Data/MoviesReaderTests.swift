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

    @Test func keepsMovieLensGenres() throws {
        let latest =
            "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n2,Nothing,(no genres listed)\n"
            + "3,Heat (1995),Action|Crime\n4,Casino (1995),Crime\n"
        let catalog = try MoviesReader.parse(Data(latest.utf8), source: "movies.csv", format: .movieLensLatest).catalog
        #expect(catalog.movies.map(\.genres) == [["Adventure", "Animation"], [], ["Action", "Crime"], ["Crime"]])
        #expect(catalog.hasGenres && !catalog.hasScores)
        // Most movies first; equal counts by name.
        #expect(
            catalog.genreCounts().map { "\($0.genre)=\($0.movies)" } == ["Crime=2", "Action=1", "Adventure=1", "Animation=1"])

        let oneM = try MoviesReader.parse(
            Data("1::Toy Story (1995)::Animation|Comedy\n".utf8), source: "movies.dat", format: .movieLens1M)
        #expect(oneM.catalog.movies[0].genres == ["Animation", "Comedy"])

        // u.item: flags after the date, video date and URL; the first, `unknown`, means none.
        let item =
            "1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
            + "2|Unknown (1995)|01-Jan-1995||http://x|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
        let hundredK = try MoviesReader.parse(Data(item.utf8), source: "u.item", format: .movieLens100K).catalog
        #expect(hundredK.movies.map(\.genres) == [["Animation", "Children's", "Comedy"], []])
        #expect(throws: DataError.malformedRow(path: "u.item", line: 1, reason: "genre flag \"y\" for Action is not 0 or 1")) {
            try MoviesReader.parse(
                Data("1|T|d||u|0|y|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n".utf8), source: "u.item", format: .movieLens100K)
        }

        let douban = try MoviesReader.parse(Data("1,8.0,a\n".utf8), source: "m.csv", format: .douban).catalog
        #expect(douban.hasScores && !douban.hasGenres && douban.genreCounts().isEmpty)
    }

    @Test func moviesCachedBeforeGenresReadAsHavingNone() throws {
        let old = #"{"rawId":"1","title":"a","score":8.5}"#
        let movie = try JSONDecoder().decode(Movie.self, from: Data(old.utf8))
        #expect(movie == Movie(rawId: "1", title: "a", score: 8.5, genres: []))
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
