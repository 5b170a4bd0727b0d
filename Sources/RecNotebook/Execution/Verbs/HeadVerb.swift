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
                    .decimal(DisplayNumber.decimal(table.ratings[row])),
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
        // Only the columns the file has: a MovieLens list has no scores, Douban's no genres.
        let scores = movies.hasScores
        let genres = movies.hasGenres
        let rows: [[TableValue]] = movies.movies.prefix(shown).enumerated().map { position, movie in
            var row: [TableValue] = [.integer(position), .text(movie.rawId)]
            if scores { row.append(movie.score.map(TableValue.decimal) ?? .missing) }
            row.append(.text(movie.title))
            if genres { row.append(.text(movie.genres.joined(separator: "|"))) }
            return row
        }
        var columns: [TableColumn] = [.integer("row"), .text("movieId")]
        if scores { columns.append(.decimal("score", precision: 1)) }
        columns.append(.text("title"))
        if genres { columns.append(.text("genres")) }
        return [
            .table(ResultTable(title: "First \(shown) movies", columns: columns, rows: rows, omittedRows: movies.count - shown))
        ]
    }
}
