import RecEngine

/// `select`: the movies whose Douban score passes a comparison, sorted by score.
enum SelectVerb {
    static let verb = Verb(
        name: "select",
        summary: "Lists the movies whose Douban score passes a comparison (>, >=, <, <=, =, !=), "
            + "sorted by score with ties in file order.",
        usage: "select movies where=\"score OP NUMBER\" [order=ascending|descending]",
        example: "select movies where=\"score > 8\"",
        keys: ["where", "order"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        _ = try invocation.subject(from: ["movies"])
        guard let condition = invocation.string("where") else {
            throw invocation.fail("`select` needs a condition, as in: \(verb.example)")
        }
        let test = try parse(condition, invocation)
        let ascending = try invocation.choice("order", from: ["ascending", "descending"], default: "ascending") == "ascending"
        let movies = try MoviesVerbSupport.scoredCatalog(try session.requireDataset(invocation), invocation)
        let chosen = movies.positionsByScore(ascending: ascending).filter { test(movies.movies[$0].score!) }
        let rows: [[TableValue]] = chosen.map { position in
            let movie = movies.movies[position]
            return [.integer(position), .text(movie.rawId), .decimal(movie.score!), .text(movie.title)]
        }
        return [
            .table(
                ResultTable(
                    title: "Movies with \(condition)",
                    columns: [.integer("row"), .text("movieId"), .decimal("score", precision: 1), .text("title")],
                    rows: rows)),
            .metrics(MetricList(title: "Selected", metrics: [.count("movies with \(condition)", chosen.count)])),
        ]
    }

    /// `score > 8` and friends; spaces around the operator are optional.
    private static func parse(_ condition: String, _ invocation: Invocation) throws(NotebookError) -> (Double) -> Bool {
        let compact = condition.filter { !$0.isWhitespace }
        for op in [">=", "<=", "!=", ">", "<", "="] {
            guard let range = compact.range(of: op) else { continue }
            let field = String(compact[..<range.lowerBound])
            let number = String(compact[range.upperBound...])
            guard field == "score" else {
                throw invocation.fail("`select` can compare `score` only, not `\(field)`")
            }
            guard let threshold = Double(number), threshold.isFinite else {
                throw invocation.fail("`\(number)` in where=\"\(condition)\" is not a number")
            }
            switch op {
            case ">=": return { $0 >= threshold }
            case "<=": return { $0 <= threshold }
            case "!=": return { $0 != threshold }
            case ">": return { $0 > threshold }
            case "<": return { $0 < threshold }
            default: return { $0 == threshold }
            }
        }
        throw invocation.fail("where=\"\(condition)\" needs a comparison such as \"score > 8\"")
    }
}
