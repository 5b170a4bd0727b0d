import RecEngine

/// `chart`: every movie's Douban score as a sorted bar chart.
enum ChartVerb {
    static let verb = Verb(
        name: "chart",
        summary: "Draws every listed movie's Douban score as a bar chart, sorted (ties in file order).",
        usage: "chart movies by=score [order=ascending|descending]",
        example: "chart movies by=score order=ascending",
        keys: ["by", "order"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        _ = try invocation.subject(from: ["movies"])
        _ = try invocation.choice("by", from: ["score"], default: "score")
        let ascending = try invocation.choice("order", from: ["ascending", "descending"], default: "ascending") == "ascending"
        let movies = try MoviesVerbSupport.scoredCatalog(try session.requireDataset(invocation), invocation)
        let order = movies.positionsByScore(ascending: ascending)
        return [
            .barChart(
                BarChart(
                    title: "Douban score of each listed movie, \(ascending ? "lowest" : "highest") first",
                    labels: order.map { movies.movies[$0].title },
                    values: order.map { movies.movies[$0].score! },
                    precision: 1))
        ]
    }
}
