import Testing

@testable import RecEngine
@testable import RecNotebook

/// The item-CF directives on a small in-memory data set: results, errors with file:line, and
/// the session's cache and model comparison.
@Suite struct ItemCFVerbTests {
    /// Movies A..D (titles "Alpha", "Beta", "Gamma", "Delta") rated by four users, as in the
    /// engine's hand-checked correlation test.
    private func session() -> Session {
        let rows: [(Int32, Int32, Float)] = [
            (0, 0, 1), (0, 1, 1), (0, 2, 3), (1, 0, 2), (1, 1, 3), (1, 2, 3), (1, 3, 5),
            (2, 0, 3), (2, 1, 2), (2, 2, 3), (2, 3, 1), (3, 0, 5), (3, 2, 3),
        ]
        let table = RatingsTable(
            users: rows.map(\.0), movies: rows.map(\.1), ratings: rows.map(\.2),
            userIds: IdMap(orderedRawIds: ["ann", "bob", "cy", "di"]),
            movieIds: IdMap(orderedRawIds: ["10", "20", "30", "40"]))
        let catalog = MovieCatalog(
            movies: zip(["10", "20", "30", "40"], ["Alpha", "Beta", "Gamma", "Delta"]).map {
                Movie(rawId: $0, title: $1, score: 7)
            })
        let session = Session(context: RunContext(dataFolder: ".", notebookFile: "nb.md"))
        session.dataset = Dataset(ratings: table, movies: catalog)
        return session
    }

    private func run(_ line: String, _ session: Session, at lineNumber: Int = 7) throws(NotebookError) -> [CellResult] {
        let directive = try DirectiveParser.parseLine(line, at: SourceLocation(file: "nb.md", line: lineNumber))!
        return try VerbRegistry.run(directive, in: session)
    }

    private func table(_ results: [CellResult]) -> ResultTable? {
        for case .table(let table) in results { return table }
        return nil
    }

    private func metric(_ results: [CellResult], _ name: String) -> Double? {
        for case .metrics(let list) in results {
            if let found = list.metrics.first(where: { $0.name == name }) { return found.value }
        }
        return nil
    }

    @Test func pivotReportsShapeAndDensity() throws {
        let results = try run("pivot ratings rows=2 columns=3", session())
        #expect(metric(results, "rows (users)") == 4 && metric(results, "columns (movies)") == 4)
        #expect(metric(results, "filled cells (distinct user-movie ratings)") == 13)
        #expect(metric(results, "density (% of cells filled)") == 13.0 / 16 * 100)
        let head = try #require(table(results))
        // pandas orders the columns by title: Alpha, Beta, Delta.
        #expect(head.columns.map(\.name) == ["userId", "Alpha", "Beta", "Delta"])
        #expect(head.rows[0] == [.integer(0), .decimal(1), .decimal(1), .missing])
        #expect(head.omittedRows == 2)
    }

    @Test func correlationTableShowsNaN() throws {
        let results = try run("correlate movies min-periods=3 titles=\"Alpha|Beta|Delta\"", session())
        let matrix = try #require(table(results))
        #expect(matrix.rows[0] == [.text("Alpha"), .decimal(1), .decimal(0.5), .missing])
        #expect(matrix.rows[2] == [.text("Delta"), .missing, .missing, .missing])
        #expect(metric(results, "pairs with at least 3 common raters and a correlation") == 1)
    }

    @Test func userListsRatedMoviesAndRejectsUnknownUsers() throws {
        let session = session()
        let rated = try #require(table(try run("user 3", session)))
        #expect(rated.rows.map { $0[1] } == [.text("Alpha"), .text("Gamma")])
        #expect(try #require(table(try run("user id=di", session))).rows == rated.rows)
        let error = #expect(throws: NotebookError.self) { try run("user 4", session, at: 12) }
        #expect(error?.description == "nb.md:12: there is no user 4; users are numbered 0 to 3 in order of first appearance")
        #expect(throws: NotebookError.self) { try run("user x", session) }
    }

    @Test func itemRecommendAndSimilar() throws {
        let session = session()
        let top = try #require(table(try run("item-recommend 3 min-periods=2", session)))
        #expect(
            top.rows == [
                [.integer(1), .text("20"), .text("Beta"), .decimal(2.5)],
                [.integer(2), .text("40"), .text("Delta"), .decimal(-5)],
            ])
        let similar = try #require(table(try run("similar title=Alpha min-periods=2", session)))
        #expect(similar.rows.map { $0[2] } == [.text("Beta"), .text("Delta")])
        let error = #expect(throws: NotebookError.self) { try run("similar title=Alpho", session, at: 3) }
        #expect(error?.description == "nb.md:3: no rated movie is titled \"Alpho\". Did you mean \"Alpha\"?")
        #expect(throws: NotebookError.self) { try run("item-recommend 3 min-periods=0", session) }
    }

    @Test func itemEvaluateNeedsASplitThenRecordsItsScore() throws {
        let session = session()
        let error = #expect(throws: NotebookError.self) { try run("item-evaluate", session) }
        #expect(error?.message.contains("split") == true)
        _ = try run("split test=0.3", session)
        let results = try run("item-evaluate min-periods=1 k=2", session)
        #expect(metric(results, "MAE") != nil && metric(results, "RMSE") != nil)
        #expect(session.scores.map(\.model) == [ItemEvaluateVerb.modelName])
        #expect(
            session.scores[0].metrics.map(\.name) == ["MAE", "RMSE", "precision@2", "recall@2", "NDCG@2", "MAP@2", "coverage"])
    }

    @Test func cachedCorrelationsFollowTheRatings() throws {
        let session = session()
        let before = try #require(table(try run("item-recommend 3 min-periods=2", session)))
        #expect(before.rows[0][3] == .decimal(2.5))
        // u3's A becomes 4, so Beta's vote is 0.5 x 4; a stale cache would still say 2.5.
        _ = try run("replace ratings from=5 to=4", session)
        let after = try #require(table(try run("item-recommend 3 min-periods=2", session)))
        #expect(after.rows[0][3] == .decimal(2))
    }
}
