import RecEngine

/// `head`: the first rows of the ratings or the movies, as read (pandas' `head()`).
enum HeadVerb {
    static let verb = Verb(
        name: "head",
        summary: "Shows the first rows of the ratings or the movies, in file order.",
        usage: "head ratings|movies [n=5]",
        example: "head ratings n=5",
        keys: ["n"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subject = try invocation.subject(from: ["ratings", "movies"])
        let limit = try invocation.int("n", default: 5, range: 1...10_000)
        let dataset = try session.requireDataset(invocation)
        if subject == "ratings" {
            let table = dataset.ratings
            let shown = min(limit, table.count)
            let rows: [[TableValue]] = (0..<shown).map { row in
                [
                    .integer(row),
                    .text(table.userIds.rawId(at: Int(table.users[row]))),
                    .text(table.movieIds.rawId(at: Int(table.movies[row]))),
                    .decimal(Double(table.ratings[row])),
                ]
            }
            return [
                .table(
                    ResultTable(
                        title: "First \(shown) ratings",
                        columns: [.integer("row"), .text("user"), .text("movieId"), .decimal("rating", precision: 0)],
                        rows: rows, omittedRows: table.count - shown))
            ]
        }
        let movies = try MoviesVerbSupport.catalog(dataset, invocation)
        let shown = min(limit, movies.count)
        let rows: [[TableValue]] = movies.movies.prefix(shown).enumerated().map { position, movie in
            [.integer(position), .text(movie.rawId), movie.score.map(TableValue.decimal) ?? .missing, .text(movie.title)]
        }
        return [
            .table(
                ResultTable(
                    title: "First \(shown) movies",
                    columns: [.integer("row"), .text("movieId"), .decimal("score", precision: 1), .text("title")],
                    rows: rows, omittedRows: movies.count - shown))
        ]
    }
}

/// Shared checks for verbs that need the movies file.
enum MoviesVerbSupport {
    static func catalog(_ dataset: Dataset, _ invocation: Invocation) throws(NotebookError) -> MovieCatalog {
        guard let movies = dataset.movies else {
            throw invocation.fail("no movies file is loaded; add movies=FILE to the `load` directive")
        }
        return movies
    }

    static func scoredCatalog(_ dataset: Dataset, _ invocation: Invocation) throws(NotebookError) -> MovieCatalog {
        let movies = try catalog(dataset, invocation)
        guard movies.movies.contains(where: { $0.score != nil }) else {
            throw invocation.fail("the movies file has no Douban scores (only Douban's hot_movies.csv has them)")
        }
        return movies
    }
}
