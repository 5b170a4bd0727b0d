import RecEngine

/// `similar`: the movies most correlated with one movie.
enum SimilarVerb {
    static let verb = Verb(
        name: "similar",
        summary: "Lists the movies most correlated with a given title or dense movie index (Pearson over common "
            + "raters, pairs below min-periods left out), with the number of common raters.",
        usage: "similar title=\"TITLE\" | similar movie=INDEX [n=10] [min-periods=100]",
        example: "similar title=\"小王子\" n=10",
        keys: ["title", "movie", "n", ItemCFArguments.minPeriodsKey],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let count = try invocation.int("n", default: 10, range: 1...100_000)
        let minPeriods = try ItemCFArguments.minPeriods(invocation)
        let dataset = try session.requireDataset(invocation)
        let movie: Int
        switch (invocation.string("title"), invocation.string("movie"), invocation.directive.subjects.count) {
        case (let title?, nil, 0): movie = try ItemCFArguments.movie(titled: title, invocation, dataset)
        case (nil, nil, 1): movie = try ItemCFArguments.movie(titled: invocation.directive.subjects[0], invocation, dataset)
        case (nil, .some, 0):
            let movies = dataset.ratings.movieCount
            movie = try invocation.int("movie", default: 0, range: 0...max(0, movies - 1))
            guard movies > 0 else { throw invocation.fail("there are no rated movies") }
        default: throw invocation.fail("`similar` needs one title or movie=INDEX, as in: \(verb.example)")
        }
        let correlation: ItemCorrelation
        do {
            correlation = try session.itemCF.correlation(for: dataset.ratings, minPeriods: minPeriods)
        } catch {
            throw ItemCFArguments.configFailure(error, invocation)
        }
        let ranking = (0..<correlation.movieCount)
            .filter { $0 != movie && !correlation[movie, $0].isNaN }
            .map { ScoredMovie(movie: $0, score: correlation[movie, $0]) }
            .sorted(by: ScoredMovie.ranksBefore)
        let shown = ranking.prefix(count)
        let rows = shown.enumerated().map { rank, entry -> [TableValue] in
            [
                .integer(rank + 1), .text(dataset.title(ofMovie: entry.movie)), .decimal(entry.score),
                .integer(correlation.common(movie, entry.movie)),
            ]
        }
        var results: [CellResult] = [
            .table(
                ResultTable(
                    title: "Movies most correlated with \(dataset.title(ofMovie: movie)) (min_periods=\(minPeriods))",
                    columns: [
                        .integer("rank"), .text("title"), .decimal("correlation", precision: 6), .integer("common raters"),
                    ],
                    rows: rows, omittedRows: ranking.count - shown.count))
        ]
        if ranking.isEmpty {
            results.append(
                .note(
                    "No movie shares at least \(minPeriods) raters with \(dataset.title(ofMovie: movie)) "
                        + "(it has \(correlation.common(movie, movie)) raters)."))
        }
        return results
    }
}
