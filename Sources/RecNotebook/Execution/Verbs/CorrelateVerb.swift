import RecEngine

/// `correlate`: Pearson correlation between movies over their common raters, as the article's
/// `pivot.corr(method='pearson', min_periods=100)`, shown for chosen or leading movies.
enum CorrelateVerb {
    static let verb = Verb(
        name: "correlate",
        summary: "Correlates every pair of movies (Pearson over common raters, NaN below min-periods or with zero "
            + "variance, as pandas' corr) and shows the matrix for chosen movies or the first ones by raters or title.",
        usage: "correlate movies [min-periods=100] [titles=\"A|B|...\"] [top=10] [by=raters|title]",
        example: "correlate movies min-periods=100 top=9 by=title",
        keys: [ItemCFArguments.minPeriodsKey, "titles", "top", "by"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        _ = try invocation.subject(from: ["movies"])
        let minPeriods = try ItemCFArguments.minPeriods(invocation)
        let top = try invocation.int("top", default: 10, range: 1...50)
        let order = try invocation.choice("by", from: ["raters", "title"], default: "raters")
        let dataset = try session.requireDataset(invocation)
        let matrix = session.itemCF.matrix(for: dataset.ratings)
        let correlation = try session.correlation(of: dataset.ratings, minPeriods: minPeriods, invocation)
        let chosen: [Int]
        if let list = invocation.string("titles") {
            guard invocation.string("top") == nil && invocation.string("by") == nil else {
                throw invocation.fail("give titles= or top=/by=, not both")
            }
            var movies: [Int] = []
            for title in list.split(separator: "|").map({ String($0).trimmingCharacters(in: .whitespaces) })
            where !title.isEmpty {
                movies.append(try ItemCFArguments.movie(titled: title, invocation, dataset))
            }
            guard !movies.isEmpty else { throw invocation.fail("titles= lists no movie; separate titles with |") }
            chosen = movies
        } else if order == "title" {
            chosen = Array(ItemCFArguments.byTitle(Array(0..<matrix.movieCount), dataset).prefix(top))
        } else {
            chosen = Array(
                (0..<matrix.movieCount)
                    .sorted {
                        matrix.raterCount($0) != matrix.raterCount($1) ? matrix.raterCount($0) > matrix.raterCount($1) : $0 < $1
                    }
                    .prefix(top))
        }
        let rows = chosen.map { a -> [TableValue] in
            [.text(dataset.title(ofMovie: a))] + chosen.map { b in .number(correlation[a, b]) }
        }
        var defined: [Double] = []
        for a in 0..<correlation.movieCount {
            for b in (a + 1)..<max(a + 1, correlation.movieCount) where !correlation[a, b].isNaN {
                defined.append(correlation[a, b])
            }
        }
        let pairs = correlation.movieCount * (correlation.movieCount - 1) / 2
        var summary: [Metric] = [
            .count("movies", correlation.movieCount),
            .count("movie pairs", pairs),
            .count("pairs with at least \(minPeriods) common raters and a correlation", defined.count),
            .count("pairs left NaN", pairs - defined.count),
            .count(
                "movies with a defined diagonal (at least \(minPeriods) raters who do not all agree)",
                (0..<correlation.movieCount).count { !correlation[$0, $0].isNaN }),
        ]
        if let lowest = defined.min(), let highest = defined.max() {
            summary.append(Metric("lowest correlation", lowest, precision: 6))
            summary.append(Metric("highest correlation", highest, precision: 6))
            summary.append(Metric("mean correlation", defined.reduce(0, +) / Double(defined.count), precision: 6))
        }
        return [
            .table(
                ResultTable(
                    title:
                        "Pearson correlation (min_periods=\(minPeriods)), \(DisplayNumber.count(chosen.count)) of \(DisplayNumber.count(correlation.movieCount)) movies",
                    columns: [.text("title")] + chosen.map { .decimal(dataset.title(ofMovie: $0), precision: 6) },
                    rows: rows)),
            .metrics(MetricList(title: "Correlation matrix", metrics: summary)),
        ]
    }
}
