import RecEngine

/// `recommend`: a user's top predicted movies beside the movies that user rated highest (the
/// article's side-by-side). As in the article, the top `n` predictions are taken first and
/// the movies the user has already rated are then dropped from them, so fewer than `n` may show.
enum RecommendVerb {
    static let verb = Verb(
        name: "recommend",
        summary: "Lists a user's top-N predicted movies (minus those already rated) beside the movies the user rated highest.",
        usage: "recommend NAME user=INDEX [n=30]",
        example: "recommend rsvd1 user=666 n=30",
        keys: ["user", "n"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`recommend` needs the name of a trained model, as in: \(verb.example)")
        }
        let model = try session.requireModel(name, invocation)
        let dataset = try session.requireDataset(invocation)
        let ratings = dataset.ratings
        guard invocation.string("user") != nil else { throw invocation.fail("say which user by dense index, e.g. user=666") }
        let user = try invocation.int("user", default: 0, range: 0...Int(Int32.max))
        guard user < ratings.userCount else {
            throw invocation.fail("user=\(user) is out of range: the users are numbered 0 to \(ratings.userCount - 1)")
        }
        let limit = try invocation.int("n", default: 30, range: 1...10_000)
        var rated: [(movie: Int, rating: Float, row: Int)] = []
        for row in 0..<ratings.count where Int(ratings.users[row]) == user {
            rated.append((Int(ratings.movies[row]), ratings.ratings[row], row))
        }
        let seen = Set(rated.map(\.movie))
        let ranking = TopN.ranking(model.predictor, user: user, movieCount: ratings.movieCount)
        let top = ranking.prefix(limit)
        let recommended = top.enumerated().filter { !seen.contains($0.element.movie) }
        let recommendedRows: [[TableValue]] = recommended.map { rank, entry in
            [
                .integer(rank + 1), .integer(entry.movie), .text(dataset.title(ofMovie: entry.movie)),
                .decimal(entry.prediction), score(dataset, entry.movie),
            ]
        }
        let favourites = rated.sorted { $0.rating != $1.rating ? $0.rating > $1.rating : $0.row < $1.row }.prefix(limit)
        let favouriteRows: [[TableValue]] = favourites.enumerated().map { position, entry in
            [
                .integer(position + 1), .integer(entry.movie), .text(dataset.title(ofMovie: entry.movie)),
                .decimal(Double(entry.rating)), score(dataset, entry.movie),
            ]
        }
        let userName = ratings.userIds.rawId(at: user)
        return [
            .table(
                ResultTable(
                    title: "`\(name)` recommends for user \(user) (\(userName)): top \(top.count) predictions, "
                        + "\(top.count - recommended.count) already rated and dropped",
                    columns: [
                        .integer("rank"), .integer("movie"), .text("title"), .decimal("predicted", precision: 3),
                        .decimal("Douban score", precision: 1),
                    ],
                    rows: recommendedRows)),
            .table(
                ResultTable(
                    title: "What user \(user) rated highest (\(favourites.count) of \(rated.count) ratings)",
                    columns: [
                        .integer("#"), .integer("movie"), .text("title"), .decimal("rating", precision: 0),
                        .decimal("Douban score", precision: 1),
                    ],
                    rows: favouriteRows)),
        ]
    }

    private static func score(_ dataset: Dataset, _ movie: Int) -> TableValue {
        dataset.catalogEntries[movie]?.score.map(TableValue.decimal) ?? .missing
    }
}
