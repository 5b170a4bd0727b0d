import RecEngine

/// `stats`: counts and the range of ratings, or of Douban scores.
enum StatsVerb {
    static let verb = Verb(
        name: "stats",
        summary: "Counts rows, users and movies and gives the min / max / mean rating; for movies, the Douban scores.",
        usage: "stats ratings|movies",
        example: "stats ratings",
        keys: [],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subject = try invocation.subject(from: ["ratings", "movies"])
        let dataset = try session.requireDataset(invocation)
        if subject == "ratings" {
            let summary = dataset.ratings.summary()
            return [
                .metrics(
                    MetricList(
                        title: "Ratings",
                        metrics: [
                            .count("distinct movies", summary.movies),
                            .count("distinct users", summary.users),
                            .count("ratings", summary.rows),
                            Metric("max rating", summary.maximum, precision: 0),
                            Metric("min rating", summary.minimum, precision: 0),
                            Metric("mean rating", summary.mean, precision: 6),
                        ]))
            ]
        }
        let movies = try MoviesVerbSupport.scoredCatalog(dataset, invocation)
        let summary = movies.scoreSummary()
        return [
            .metrics(
                MetricList(
                    title: "Douban scores",
                    metrics: [
                        .count("listed movies", summary.movies),
                        Metric("max score", summary.maximum, precision: 1),
                        Metric("min score", summary.minimum, precision: 1),
                        Metric("mean score", summary.mean, precision: 6),
                    ]))
        ]
    }
}
