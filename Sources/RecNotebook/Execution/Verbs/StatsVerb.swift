import RecEngine

/// `stats`: counts and the range of ratings, or the movies file's counts, Douban scores (when it
/// has them) and genres (when it has them).
enum StatsVerb {
    static let verb = Verb(
        name: "stats",
        summary: "Counts rows, users and movies and gives the min / max / mean rating; for movies, the listed and "
            + "rated movies, the Douban scores' range (when the file has scores) and movies per genre (when it has genres).",
        usage: "stats ratings|movies",
        example: "stats ratings",
        keys: [],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        if session.sparkData != nil { return try SparkDataVerbs.stats(invocation, session) }
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
                            // Ratings as the file wrote them (0.5, not 0.5 as a Float's binary).
                            Metric("max rating", DisplayNumber.decimal(Float(summary.maximum)), precision: 0),
                            Metric("min rating", DisplayNumber.decimal(Float(summary.minimum)), precision: 0),
                            Metric("mean rating", summary.mean, precision: 6),
                        ]))
            ]
        }
        let movies = try MoviesVerbSupport.catalog(dataset, invocation)
        var metrics: [Metric] = [.count("listed movies", movies.count), .count("rated movies", dataset.ratings.movieCount)]
        if movies.hasScores {
            let summary = movies.scoreSummary()
            metrics += [
                Metric("max score", summary.maximum, precision: 1),
                Metric("min score", summary.minimum, precision: 1),
                Metric("mean score", summary.mean, precision: 6),
            ]
        }
        var results: [CellResult] = [.metrics(MetricList(title: movies.hasScores ? "Douban scores" : "Movies", metrics: metrics))]
        if movies.hasGenres { results.append(.table(genreTable(movies, dataset))) }
        return results
    }

    /// Listed movies and ratings per genre, most movies first.
    private static func genreTable(_ movies: MovieCatalog, _ dataset: Dataset) -> ResultTable {
        var ratingsByGenre: [String: Int] = [:]
        let counts = MovieMeans(dataset.ratings).counts
        for (movie, entry) in dataset.catalogEntries.enumerated() {
            for genre in Set(entry?.genres ?? []) { ratingsByGenre[genre, default: 0] += counts[movie] }
        }
        return ResultTable(
            title: "Movies per genre",
            columns: [.text("genre"), .integer("listed movies"), .integer("ratings")],
            rows: movies.genreCounts().map { [.text($0.genre), .integer($0.movies), .integer(ratingsByGenre[$0.genre] ?? 0)] })
    }
}
