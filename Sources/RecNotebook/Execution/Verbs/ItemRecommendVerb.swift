import RecEngine

/// `item-recommend`: the article's item-based top-N for one user.
enum ItemRecommendVerb {
    static let verb = Verb(
        name: "item-recommend",
        summary: "Recommends movies to one user the article's item-based way: each rated movie's correlations "
            + "times the user's rating, summed per movie, rated movies dropped, best first.",
        usage: "item-recommend INDEX | item-recommend user=INDEX | item-recommend id=USERID [n=20] [min-periods=100]",
        example: "item-recommend 666 n=20",
        keys: IdSelection.userKeys + ["n", ItemCFArguments.minPeriodsKey],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let count = try invocation.int("n", default: 20, range: 1...100_000)
        let minPeriods = try ItemCFArguments.minPeriods(invocation)
        let dataset = try session.requireDataset(invocation)
        let selection = IdSelection(invocation, dataset)
        let user = try selection.user(bareIndex: true)
        let who = selection.describe(user: user)
        let matrix = session.itemCF.matrix(for: dataset.ratings)
        let correlation = try session.correlation(of: dataset.ratings, minPeriods: minPeriods, invocation)
        let ranking = ItemBasedRecommender(matrix: matrix, correlation: correlation).ranking(user: user)
        let shown = ranking.prefix(count)
        let rows = shown.enumerated().map { rank, entry -> [TableValue] in
            [
                .integer(rank + 1), .text(dataset.ratings.movieIds.rawId(at: entry.movie)),
                .text(dataset.title(ofMovie: entry.movie)), .decimal(entry.score),
            ]
        }
        var results: [CellResult] = [
            .table(
                ResultTable(
                    title: "Item-based recommendations for \(who), min_periods=\(minPeriods)",
                    columns: [.integer("rank"), .text("movie id"), .text("title"), .decimal("score", precision: 6)],
                    rows: rows, omittedRows: ranking.count - shown.count))
        ]
        if ranking.isEmpty {
            results.append(
                .note(
                    "No recommendation: none of the \(matrix.row(user).movies.count) movies \(who) rated has a "
                        + "correlation with an unseen movie (at least \(minPeriods) common raters are needed)."))
        } else if ranking.count < count {
            results.append(
                .note(
                    "Only \(ranking.count) unseen movie\(ranking.count == 1 ? " has" : "s have") a correlation with "
                        + "what \(who) rated (at least \(minPeriods) common raters are needed)."))
        }
        return results
    }
}
