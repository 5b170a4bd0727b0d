import RecEngine

/// `rank`: movies by mean user rating or by number of ratings, joined with title and, when the
/// movies file has them, Douban score.
enum RankVerb {
    static let verb = Verb(
        name: "rank",
        summary: "Ranks movies by their mean user rating or by their number of ratings (ties by movie index), "
            + "with title and, when the movies file has them, Douban score.",
        usage: "rank movies [by=mean-rating|count] [n=30] [min-count=1]",
        example: "rank movies by=mean-rating n=30",
        keys: ["by", "n", "min-count"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        _ = try invocation.subject(from: ["movies"])
        let byCount = try invocation.choice("by", from: ["mean-rating", "count"], default: "mean-rating") == "count"
        let limit = try invocation.int("n", default: 30, range: 1...100_000)
        let minimumCount = try invocation.int("min-count", default: 1, range: 1...Int.max)
        if session.sparkData != nil {
            return try SparkDataVerbs.rank(
                byCount: byCount, limit: limit, minimumCount: minimumCount, invocation, session)
        }
        let dataset = try session.requireDataset(invocation)
        let means = MovieMeans(dataset.ratings)
        let ranking =
            byCount
            ? means.counts.indices.filter { means.counts[$0] >= minimumCount }
                .sorted { means.counts[$0] != means.counts[$1] ? means.counts[$0] > means.counts[$1] : $0 < $1 }
            : means.ranking(minimumCount: minimumCount)
        // A MovieLens catalog has no Douban scores: no column of NaN for it.
        let scores = dataset.hasScores
        let rows: [[TableValue]] = ranking.prefix(limit).enumerated().map { rank, movie in
            var row: [TableValue] = [
                .integer(rank + 1), .integer(movie), .text(dataset.ratings.movieIds.rawId(at: movie)),
                .number(means.means[movie]), .integer(means.counts[movie]),
            ]
            if scores { row.append(dataset.catalogEntries[movie]?.score.map(TableValue.decimal) ?? .missing) }
            row.append(.text(dataset.title(ofMovie: movie)))
            return row
        }
        var columns: [TableColumn] = [
            .integer("rank"), .identifier("movie"), .text("movieId"), .decimal("mean rating", precision: 6), .integer("ratings"),
        ]
        if scores { columns.append(.decimal("score", precision: 1)) }
        columns.append(.text("title"))
        return [
            .table(
                ResultTable(
                    title: "Top \(rows.count) movies by \(byCount ? "number of ratings" : "mean user rating")",
                    columns: columns, rows: rows, omittedRows: ranking.count - rows.count))
        ]
    }
}
