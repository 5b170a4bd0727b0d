import RecEngine

/// `similar`: the movies most correlated with one movie.
enum SimilarVerb {
    static let verb = Verb(
        name: "similar",
        summary: "Lists the movies most correlated with one movie (Pearson over common raters, pairs below "
            + "min-periods left out), with the number of common raters; the movie by title=, by the ratings file's "
            + "movie id (id=) or by dense index (movie=).",
        usage: "similar title=\"TITLE\" | similar id=MOVIEID | similar movie=INDEX [n=10] [min-periods=100]",
        example: "similar title=\"小王子\" n=10",
        keys: IdSelection.movieKeys + ["n", ItemCFArguments.minPeriodsKey],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let count = try invocation.int("n", default: 10, range: 1...100_000)
        let minPeriods = try ItemCFArguments.minPeriods(invocation)
        let dataset = try session.requireDataset(invocation)
        let selection = IdSelection(invocation, dataset)
        let movie = try selection.movie(bareTitle: true)
        let correlation = try session.correlation(of: dataset.ratings, minPeriods: minPeriods, invocation)
        let ranking = (0..<correlation.movieCount)
            .filter { $0 != movie && !correlation[movie, $0].isNaN }
            .map { ScoredMovie(movie: $0, score: correlation[movie, $0]) }
            .sorted(by: ScoredMovie.ranksBefore)
        let shown = ranking.prefix(count)
        let rows = shown.enumerated().map { rank, entry -> [TableValue] in
            [
                .integer(rank + 1), .text(dataset.ratings.movieIds.rawId(at: entry.movie)),
                .text(dataset.title(ofMovie: entry.movie)), .decimal(entry.score),
                .integer(correlation.common(movie, entry.movie)),
            ]
        }
        var results: [CellResult] = [
            .table(
                ResultTable(
                    title: "Movies most correlated with \(selection.describe(movie: movie)), min_periods=\(minPeriods)",
                    columns: [
                        .integer("rank"), .text("movie id"), .text("title"), .decimal("correlation", precision: 6),
                        .integer("common raters"),
                    ],
                    rows: rows, omittedRows: ranking.count - shown.count))
        ]
        if ranking.isEmpty {
            results.append(
                .note(
                    "No movie shares at least \(minPeriods) raters with \(selection.describe(movie: movie)) "
                        + "(it has \(correlation.common(movie, movie)) raters)."))
        }
        return results
    }
}
