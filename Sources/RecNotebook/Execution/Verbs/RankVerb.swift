import RecEngine

/// `rank`: movies by mean user rating, joined with title and Douban score.
enum RankVerb {
    static let verb = Verb(
        name: "rank",
        summary: "Ranks movies by their mean user rating (ties by movie index), with title and Douban score.",
        usage: "rank movies by=mean-rating [n=30] [min-count=1]",
        example: "rank movies by=mean-rating n=30",
        keys: ["by", "n", "min-count"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        _ = try invocation.subject(from: ["movies"])
        _ = try invocation.choice("by", from: ["mean-rating"], default: "mean-rating")
        let limit = try invocation.int("n", default: 30, range: 1...100_000)
        let minimumCount = try invocation.int("min-count", default: 1, range: 1...Int.max)
        let dataset = try session.requireDataset(invocation)
        let means = MovieMeans(dataset.ratings)
        let ranking = means.ranking(minimumCount: minimumCount)
        let rows: [[TableValue]] = ranking.prefix(limit).enumerated().map { rank, movie in
            let entry = dataset.catalogEntries[movie]
            return [
                .integer(rank + 1), .integer(movie), .text(dataset.ratings.movieIds.rawId(at: movie)),
                .number(means.means[movie]), .integer(means.counts[movie]),
                entry?.score.map(TableValue.decimal) ?? .missing, .text(dataset.title(ofMovie: movie)),
            ]
        }
        return [
            .table(
                ResultTable(
                    title: "Top \(rows.count) movies by mean user rating",
                    columns: [
                        .integer("rank"), .integer("movie"), .text("movieId"), .decimal("mean rating", precision: 6),
                        .integer("ratings"), .decimal("score", precision: 1), .text("title"),
                    ],
                    rows: rows, omittedRows: ranking.count - rows.count))
        ]
    }
}
