import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// Users and movies named by dense index, by the data's own id or by title in the five verbs
/// about one user or movie (`recommend`, `predictions`, `similar`, `user`, `item-recommend`),
/// `recommend`'s top N of the *unrated* movies, and the Douban-score column only for Douban data.
@Suite struct IdSelectionTests {
    /// Users "7", "3", "5", "9" (dense 0 to 3: raw ids are not dense indices, as in MovieLens).
    /// Movies 101...106 all have mean 5 and user "7" rated every one of them; 107...112 have means
    /// 4.5, 4, 3.5, 3, 2.5, 2. So a movie-mean model ranks first exactly what user "7" rated.
    static let ratings: [(user: String, movie: String, rating: Int)] = [
        ("7", "101", 5), ("7", "102", 5), ("7", "103", 5), ("7", "104", 5), ("7", "105", 5), ("7", "106", 5),
        ("3", "101", 5), ("3", "102", 5), ("3", "107", 5), ("3", "108", 4), ("3", "109", 4),
        ("5", "103", 5), ("5", "107", 4), ("5", "109", 3), ("5", "110", 3), ("5", "111", 3), ("5", "112", 2),
        ("9", "104", 5), ("9", "105", 5), ("9", "106", 5), ("9", "111", 2), ("9", "112", 2),
    ]
    /// Two movies share the title "Twin", as a few do in MovieLens.
    static let titles = [
        "101": "Alpha", "102": "Bravo", "103": "Charlie", "104": "Delta", "105": "Echo", "106": "Foxtrot",
        "107": "Golf", "108": "Hotel", "109": "India", "110": "Juliett", "111": "Twin", "112": "Twin",
    ]

    /// A session with the data loaded from files in `format` and a movie-mean model `m` on all of it.
    private func session(format: String = "douban") throws -> Session {
        let folder = try TestPaths.temporaryFolder()
        let movieIds = Self.titles.keys.sorted()
        if format == "douban" {
            let ratings = Self.ratings.map { "\($0.user),\($0.movie),\($0.rating)\n" }.joined()
            let movies = movieIds.map { "\($0),7.5,\(Self.titles[$0]!)\n" }.joined()
            try Data(ratings.utf8).write(to: folder.appendingPathComponent("user_movies.csv"))
            try Data(movies.utf8).write(to: folder.appendingPathComponent("hot_movies.csv"))
        } else {
            let ratings = Self.ratings.map { "\($0.user),\($0.movie),\($0.rating).0,964982703\n" }.joined()
            let movies = movieIds.map { "\($0),\(Self.titles[$0]!),Drama\n" }.joined()
            try Data(("userId,movieId,rating,timestamp\n" + ratings).utf8).write(
                to: folder.appendingPathComponent("user_movies.csv"))
            try Data(("movieId,title,genres\n" + movies).utf8).write(to: folder.appendingPathComponent("hot_movies.csv"))
        }
        let session = Session(context: RunContext(dataFolder: folder.path, notebookFile: "t.md"))
        try DirectiveRun.run(
            "load ratings=user_movies.csv movies=hot_movies.csv format=\(format)\ntrain m model=movie-mean on=all", in: session)
        return session
    }

    private func tables(_ code: String, _ session: Session) throws -> [ResultTable] {
        try DirectiveRun.run(code, in: session).compactMap { result in
            if case .table(let table) = result { return table }
            return nil
        }
    }

    private func table(_ code: String, _ session: Session) throws -> ResultTable {
        try #require(try tables(code, session).first)
    }

    private func column(_ name: String, of table: ResultTable) throws -> [TableValue] {
        let index = try #require(table.columns.firstIndex { $0.name == name }, "no column \(name)")
        return table.rows.map { $0[index] }
    }

    private func error(_ code: String, _ session: Session) -> String? {
        #expect(throws: NotebookError.self) { try DirectiveRun.run(code, in: session) }?.description
    }

    /// The raw ids of the movies user `rawId` rated, from the test's own data.
    private func rated(by rawId: String) -> [TableValue] {
        Self.ratings.filter { $0.user == rawId }.map { .text($0.movie) }
    }

    // MARK: - recommend's top N

    @Test func recommendListsTheNBestUnratedMoviesRankedFromOne() throws {
        let session = try session()
        // The article's way (top 4 first, rated ones dropped after) leaves user "7" nothing.
        let top = try table("recommend m user=0 n=4", session)
        #expect(top.rows.count == 4)
        #expect(try column("rank", of: top) == [1, 2, 3, 4].map(TableValue.integer))
        #expect(try column("title", of: top) == ["Golf", "Hotel", "India", "Juliett"].map(TableValue.text))
        #expect(try column("movie id", of: top) == ["107", "108", "109", "110"].map(TableValue.text))
        #expect(top.title == "`m` recommends for user 0 (id 7): the 4 best of 6 unrated movies")
    }

    @Test func recommendSaysSoWhenFewerMoviesAreUnratedThanAskedFor() throws {
        let session = try session()
        let all = try table("recommend m user=0 n=10", session)
        #expect(try column("movie id", of: all) == ["107", "108", "109", "110", "111", "112"].map(TableValue.text))
        #expect(try column("rank", of: all) == (1...6).map(TableValue.integer))
        #expect(all.title == "`m` recommends for user 0 (id 7): all 6 unrated movies (n=10 asked for more)")
    }

    // MARK: - Users by index or id

    @Test func idNamesTheUserWithThatIdInEveryUserVerb() throws {
        let session = try session()
        // Scoring needs a model fitted on this split's training rows (not `on=all`).
        try DirectiveRun.run("split test=0.5\ntrain m model=movie-mean", in: session)
        // Raw id 3 is dense user 1; dense user 3 is raw id 9.
        let recommended = try tables("recommend m id=3 n=3", session)
        #expect(recommended.map(\.title).allSatisfy { $0.contains("user 1 (id 3)") })
        #expect(try column("movie id", of: recommended[1]) == ["101", "102", "107"].map(TableValue.text))
        #expect(try tables("recommend m user=1 n=3", session) == recommended)
        #expect(try table("recommend m user=3 n=3", session).title.contains("user 3 (id 9)"))

        let movies = try table("user id=3", session)
        #expect(movies.title == "Movies rated by user 1 (id 3)")
        #expect(Set(try column("movie id", of: movies)) == Set(rated(by: "3")))
        #expect(try table("user 1", session) == movies)
        #expect(try table("user user=1", session) == movies)

        let itemBased = try table("item-recommend id=3 min-periods=1", session)
        #expect(itemBased.title == "Item-based recommendations for user 1 (id 3), min_periods=1")
        #expect(Set(try column("movie id", of: itemBased)).isDisjoint(with: rated(by: "3")))
        #expect(try table("item-recommend 1 min-periods=1", session) == itemBased)

        let predictions = try table("predictions m id=3 n=100", session)
        let test = try #require(session.split).test
        let expected = (0..<test.count).filter { test.users[$0] == 1 }.map {
            TableValue.text(test.movieIds.rawId(at: Int(test.movies[$0])))
        }
        #expect(!expected.isEmpty)
        #expect(try column("movie id", of: predictions) == expected)
        #expect(try column("user id", of: predictions).allSatisfy { $0 == .text("3") })
        #expect(predictions.title.contains("user 1 (id 3)"))
    }

    @Test func namingTheUserTwiceIsAnError() throws {
        let session = try session()
        // Scoring needs a model fitted on this split's training rows (not `on=all`).
        try DirectiveRun.run("split test=0.5\ntrain m model=movie-mean", in: session)
        let both = "give the user once, by dense index (user=INDEX) or by id (id=USERID), not both, as in: "
        #expect(error("recommend m user=1 id=3", session) == "t.md:1: \(both)recommend rsvd1 user=666 n=30")
        #expect(error("user 1 id=3", session) == "t.md:1: \(both)user 666")
        #expect(error("item-recommend 1 user=1", session) == "t.md:1: \(both)item-recommend 666 n=20")
        #expect(error("predictions m user=1 id=3", session)?.hasPrefix("t.md:1: \(both)") == true)
        #expect(error("recommend m n=3", session)?.contains("needs a user") == true)
    }

    @Test func anUnknownUserIsAClearError() throws {
        let session = try session()
        #expect(
            error("recommend m id=42", session)
                == "t.md:1: no user has the id `42` in the ratings; users are numbered 0 to 3 in order of first appearance")
        // An out-of-range index that is someone's id says who that is.
        #expect(
            error("recommend m user=9", session)
                == "t.md:1: there is no user 9; users are numbered 0 to 3 in order of first appearance; id=9 is user 3 (id 9)")
    }

    // MARK: - Movies by index, id or title

    @Test func similarTakesAMovieByIdTitleOrIndex() throws {
        let session = try session()
        let byId = try table("similar id=107 min-periods=1", session)
        #expect(byId.title == "Movies most correlated with Golf (movie 6, id 107), min_periods=1")
        #expect(try column("movie id", of: byId).allSatisfy { $0 != .text("107") })
        #expect(try table("similar title=Golf min-periods=1", session) == byId)
        #expect(try table("similar Golf min-periods=1", session) == byId)
        #expect(try table("similar movie=6 min-periods=1", session) == byId)
    }

    @Test func anUnknownOrAmbiguousMovieIsAClearError() throws {
        let session = try session()
        #expect(error("similar id=999", session) == "t.md:1: no rated movie has the id `999`")
        #expect(error("similar title=Golff", session) == "t.md:1: no rated movie is titled \"Golff\". Did you mean \"Golf\"?")
        #expect(error("similar title=107", session) == "t.md:1: no rated movie is titled \"107\". Did you mean id=107 (Golf)?")
        #expect(
            error("similar title=Twin", session)
                == "t.md:1: 2 rated movies are titled \"Twin\" (ids 111, 112); say which with id=MOVIEID")
        #expect(error("similar title=Golf id=107", session)?.contains("give the movie once") == true)
        #expect(
            error("similar movie=12", session)?.hasPrefix("t.md:1: there is no movie `12`; rated movies are numbered 0 to 11")
                == true)
    }

    // MARK: - Columns

    @Test func theDoubanScoreColumnShowsOnlyForDataWithScores() throws {
        let verbs = ["recommend m user=1 n=3", "user 1", "item-recommend 1 min-periods=1", "similar title=Golf min-periods=1"]
        let movieLens = try session(format: "movielens-latest")
        for code in verbs {
            for table in try tables(code, movieLens) {
                #expect(!table.columns.map(\.name).contains("Douban score"), "\(code): \(table.title)")
                #expect(table.columns.map(\.name).contains("movie id"), "\(code): \(table.title)")
            }
        }
        let douban = try session()
        for table in try tables("recommend m user=1 n=3", douban) {
            #expect(try column("Douban score", of: table).allSatisfy { $0 == .decimal(7.5) })
        }
    }

    // MARK: - MovieLens latest-small, when present

    static let movieLensLatest = TestPaths.repository.appendingPathComponent("../shared/data/movielens-latest-small")
        .standardized
    static let movieLensLatestPresent = FileManager.default.fileExists(
        atPath: movieLensLatest.appendingPathComponent("ratings.csv").path)

    @Test(.enabled(if: movieLensLatestPresent, "needs ../shared/data/movielens-latest-small"))
    func movieLensUsersByTheirOwnIds() throws {
        let session = Session(context: RunContext(dataFolder: Self.movieLensLatest.path, notebookFile: "t.md"))
        try DirectiveRun.run(
            "load ratings=ratings.csv movies=movies.csv format=movielens-latest\ntrain m model=movie-mean on=all", in: session)
        // userId 1's movies, read from the file itself.
        let text = try String(contentsOf: Self.movieLensLatest.appendingPathComponent("ratings.csv"), encoding: .utf8)
        let fields: [[Substring]] = text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",") }
        let rated: Set<TableValue> = Set(fields.filter { $0[0] == "1" }.map { .text(String($0[1])) })
        let tables = try tables("recommend m id=1 n=10", session)
        #expect(tables[0].title.hasPrefix("`m` recommends for user 0 (id 1): the 10 best of "))
        #expect(try column("rank", of: tables[0]) == (1...10).map(TableValue.integer))
        #expect(Set(try column("movie id", of: tables[0])).isDisjoint(with: rated))
        #expect(Set(try column("movie id", of: tables[1])).isSubset(of: rated))
        #expect(tables.allSatisfy { !$0.columns.map(\.name).contains("Douban score") })
        #expect(try table("user id=2", session).title == "Movies rated by user 1 (id 2)")
    }
}
