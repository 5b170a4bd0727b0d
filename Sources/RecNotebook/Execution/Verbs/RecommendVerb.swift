import RecEngine

/// `recommend`: a user's top predicted movies beside the movies that user rated highest (the
/// article's side-by-side). The movies the user has already rated are dropped *before* the top
/// `n` is cut, so `n=30` gives the 30 best unrated movies (fewer only when fewer are unrated).
/// The article cut its top 30 first and dropped rated movies after, showing fewer than 30 to
/// anyone who had rated some of them; recbook does what a user asking for 30 expects.
enum RecommendVerb {
    static let verb = Verb(
        name: "recommend",
        summary: "Lists the N movies a user has not rated with the highest predictions, beside the movies the user "
            + "rated highest; the user by dense index (user=) or by the ratings file's id (id=).",
        usage: "recommend NAME user=INDEX | recommend NAME id=USERID [n=30]",
        example: "recommend rsvd1 user=666 n=30",
        keys: IdSelection.userKeys + ["n"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`recommend` needs the name of a trained model, as in: \(verb.example)")
        }
        if session.sparkData != nil { return try SparkDataVerbs.recommend(name, invocation, session) }
        let model = try session.requireModel(name, invocation)
        let dataset = try session.requireDataset(invocation)
        let ratings = dataset.ratings
        let selection = IdSelection(invocation, dataset)
        let user = try selection.user()
        let limit = try invocation.int("n", default: 30, range: 1...10_000)
        var rated: [(movie: Int, rating: Float, row: Int)] = []
        for row in 0..<ratings.count where Int(ratings.users[row]) == user {
            rated.append((Int(ratings.movies[row]), ratings.ratings[row], row))
        }
        let seen = Set(rated.map(\.movie))
        let recommended = TopN.unrated(
            model.predictor, user: user, movieCount: ratings.movieCount, excluding: seen, count: limit)
        let unratedCount = ratings.movieCount - seen.count
        let withScores = dataset.hasScores
        let recommendedRows: [[TableValue]] = recommended.enumerated().map { rank, entry in
            [
                .integer(rank + 1), movieId(dataset, entry.movie), .text(dataset.title(ofMovie: entry.movie)),
                .decimal(entry.prediction),
            ]
                + score(dataset, entry.movie, shown: withScores)
        }
        let favourites = rated.sorted { $0.rating != $1.rating ? $0.rating > $1.rating : $0.row < $1.row }.prefix(limit)
        let favouriteRows: [[TableValue]] = favourites.enumerated().map { position, entry in
            [
                .integer(position + 1), movieId(dataset, entry.movie), .text(dataset.title(ofMovie: entry.movie)),
                .decimal(DisplayNumber.decimal(entry.rating)),
            ]
                + score(dataset, entry.movie, shown: withScores)
        }
        let scoreColumns: [TableColumn] = withScores ? [.decimal("Douban score", precision: 1)] : []
        let who = selection.describe(user: user)
        return [
            .table(
                ResultTable(
                    title:
                        "`\(name)` recommends for \(who): \(recommendationSummary(recommended.count, unrated: unratedCount, asked: limit))",
                    columns: [.integer("rank"), .text("movie id"), .text("title"), .decimal("predicted", precision: 3)]
                        + scoreColumns,
                    rows: recommendedRows)),
            .table(
                ResultTable(
                    title:
                        "What \(who) rated highest (\(DisplayNumber.count(favourites.count)) of \(DisplayNumber.count(rated.count)) ratings)",
                    columns: [.integer("#"), .text("movie id"), .text("title"), .decimal("rating", precision: 0)] + scoreColumns,
                    rows: favouriteRows)),
        ]
    }

    /// What the recommendation table holds: the top `n` of the unrated movies, or all of them
    /// when there are fewer than were asked for.
    private static func recommendationSummary(_ shown: Int, unrated: Int, asked: Int) -> String {
        if unrated == 0 { return "nothing, every movie is rated already" }
        if shown < asked { return "all \(DisplayNumber.count(unrated)) unrated movies (n=\(asked) asked for more)" }
        return "the \(DisplayNumber.count(shown)) best of \(DisplayNumber.count(unrated)) unrated movies"
    }

    private static func movieId(_ dataset: Dataset, _ movie: Int) -> TableValue {
        .text(dataset.ratings.movieIds.rawId(at: movie))
    }

    /// The Douban score cell, only when the column is `shown` (when the movies file has scores).
    private static func score(_ dataset: Dataset, _ movie: Int, shown: Bool) -> [TableValue] {
        guard shown else { return [] }
        return [dataset.catalogEntries[movie]?.score.map(TableValue.decimal) ?? .missing]
    }
}
