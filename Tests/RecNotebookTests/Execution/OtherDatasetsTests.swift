import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// recbook on a MovieLens latest-shaped folder (half-star ratings, genres, no Douban scores):
/// every number as the file has it, no empty Douban-score column, clear errors for what needs
/// Douban's scores, and a hint for a header read without `format=`.
@Suite struct OtherDatasetsTests {
    static let ratings = """
        userId,movieId,rating,timestamp
        1,10,0.5,1
        1,20,4.0,2
        2,20,3.5,3
        2,30,4.5,4
        3,30,5.0,5
        3,10,2.5,6
        4,30,3.0,7

        """
    static let movies = """
        movieId,title,genres
        10,"Heat, The (1995)",Action|Crime
        20,Toy Story (1995),Animation|Comedy
        30,Casino (1995),Crime
        40,Unrated (2000),(no genres listed)

        """

    let folder: URL

    init() throws {
        folder = try TestPaths.temporaryFolder()
        try Data(Self.ratings.utf8).write(to: folder.appendingPathComponent("ratings.csv"))
        try Data(Self.movies.utf8).write(to: folder.appendingPathComponent("movies.csv"))
    }

    private func loaded() throws -> Session {
        let session = Session(context: RunContext(dataFolder: folder.path, notebookFile: "t.md"))
        try DirectiveRun.run("load ratings=ratings.csv movies=movies.csv format=movielens-latest", in: session)
        return session
    }

    private func table(_ code: String, _ session: Session) throws -> ResultTable {
        guard case .table(let table) = try DirectiveRun.run(code, in: session).first else {
            Issue.record("`\(code)` gave no table")
            return ResultTable(title: "", columns: [], rows: [])
        }
        return table
    }

    @Test func halfStarRatingsShowAsTheFileHasThem() throws {
        let session = try loaded()
        let stats = try DirectiveRun.run("stats ratings", in: session)
        let html = stats.map(HTMLResults.render).joined()
        #expect(html.contains("<th>min rating</th><td class=\"num\">0.5</td>"))
        #expect(html.contains("<th>max rating</th><td class=\"num\">5</td>"))
        let markdownLines = MarkdownReport.render(stats[0]).split(separator: "\n")
        #expect(markdownLines.contains { $0.hasPrefix("min rating ") && $0.hasSuffix(" 0.5") })

        let head = try table("head ratings n=3", session)
        #expect(head.rows.map { HTMLResults.format($0[3], head.columns[3]) } == ["0.5", "4", "3.5"])

        guard case .barChart(let histogram) = try DirectiveRun.run("histogram ratings", in: session).first else {
            Issue.record("no histogram")
            return
        }
        #expect(histogram.labels == ["0.5", "2.5", "3", "3.5", "4", "4.5", "5"])
    }

    @Test func moviesWithoutScoresShowNoScoreColumn() throws {
        let session = try loaded()
        let head = try table("head movies n=2", session)
        #expect(head.columns.map(\.name) == ["row", "movieId", "title", "genres"])
        #expect(head.rows[0] == [.integer(0), .text("10"), .text("Heat, The (1995)"), .text("Action|Crime")])

        let rank = try table("rank movies", session)
        #expect(rank.columns.map(\.name) == ["rank", "movie", "movieId", "mean rating", "ratings", "title"])
        #expect(rank.title == "Top 3 movies by mean user rating")
        #expect(rank.rows.map { $0[2] } == [.text("30"), .text("20"), .text("10")])
    }

    @Test func rankByCountBreaksTiesByMovieIndex() throws {
        let session = try loaded()
        let rank = try table("rank movies by=count n=2", session)
        #expect(rank.title == "Top 2 movies by number of ratings")
        // 30 has three ratings; 10 and 20 two each, 10 first (it appears first in the ratings).
        #expect(rank.rows.map { $0[2] } == [.text("30"), .text("10")])
        #expect(rank.rows.map { $0[4] } == [.integer(3), .integer(2)])
        #expect(rank.omittedRows == 1)
        let fewest = try table("rank movies by=count min-count=3", session)
        #expect(fewest.rows.count == 1)
    }

    @Test func statsMoviesCountsAndGenresWithoutScores() throws {
        let session = try loaded()
        let results = try DirectiveRun.run("stats movies", in: session)
        guard case .metrics(let metrics) = results.first, case .table(let genres) = results.last, results.count == 2 else {
            Issue.record("expected counts and a genre table, got \(results)")
            return
        }
        #expect(metrics.title == "Movies")
        #expect(metrics.metrics.map(\.name) == ["listed movies", "rated movies"])
        #expect(metrics.metrics.map(\.value) == [4, 3])
        #expect(genres.columns.map(\.name) == ["genre", "listed movies", "ratings"])
        #expect(
            genres.rows == [
                [.text("Crime"), .integer(2), .integer(5)], [.text("Action"), .integer(1), .integer(2)],
                [.text("Animation"), .integer(1), .integer(2)], [.text("Comedy"), .integer(1), .integer(2)],
            ])
    }

    @Test func scoreVerbsSayTheMoviesFileHasNoScores() throws {
        let session = try loaded()
        for code in ["select movies where=\"score > 8\"", "chart movies by=score"] {
            #expect(throws: NotebookError.self) { try DirectiveRun.run(code, in: session, line: 7) }
            do {
                try DirectiveRun.run(code, in: session, line: 7)
            } catch let error as NotebookError {
                let verb = code.prefix { $0 != " " }
                #expect(
                    error.description
                        == "t.md:7: `\(verb)` needs Douban scores, and the movies file has none "
                        + "(only Douban's hot_movies.csv has them)")
            }
        }
    }

    @Test func aMovieLensHeaderWithoutFormatSaysWhichFormatToAdd() throws {
        let session = Session(context: RunContext(dataFolder: folder.path, notebookFile: "t.md"))
        func message(_ code: String) -> String? {
            do {
                try DirectiveRun.run(code, in: session, line: 4)
                return nil
            } catch {
                return "\(error)"
            }
        }
        let ratingsPath = folder.appendingPathComponent("ratings.csv").path
        let moviesPath = folder.appendingPathComponent("movies.csv").path
        #expect(
            message("load ratings=ratings.csv")
                == "t.md:4: \(ratingsPath):1: this looks like a MovieLens latest header "
                + "(userId,movieId,rating,timestamp); add format=movielens-latest to the load directive")
        #expect(
            message("load ratings=ratings.csv format=movielens-100k")
                == "t.md:4: \(ratingsPath):1: this looks like a MovieLens latest header "
                + "(userId,movieId,rating,timestamp); use format=movielens-latest instead of format=movielens-100k")
        // A headerless ratings file in the default format, with a MovieLens movies file.
        try Data("1,10,4\n".utf8).write(to: folder.appendingPathComponent("plain.csv"))
        #expect(
            message("load ratings=plain.csv movies=movies.csv")
                == "t.md:4: \(moviesPath):1: this looks like a MovieLens latest header "
                + "(movieId,title,genres); add format=movielens-latest to the load directive")
    }
}
