import RecEngine

/// `user`: the movies one user rated, the article's `pivot.loc[666].dropna()`.
enum UserVerb {
    static let verb = Verb(
        name: "user",
        summary: "Lists the movies one user rated, in pandas' title order or by rating, with duplicates averaged as "
            + "in the pivot; the user by the article's dense index (INDEX or user=INDEX) or by the ratings file's id "
            + "(id=USERID).",
        usage: "user INDEX | user user=INDEX | user id=USERID [sort=title|rating]",
        example: "user 666",
        keys: IdSelection.userKeys + ["sort"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let sort = try invocation.choice("sort", from: ["title", "rating"], default: "title")
        let dataset = try session.requireDataset(invocation)
        let selection = IdSelection(invocation, dataset)
        let user = try selection.user(bareIndex: true)
        let matrix = session.itemCF.matrix(for: dataset.ratings)
        let (movies, ratings) = matrix.row(user)
        let rating = Dictionary(uniqueKeysWithValues: zip(movies.map(Int.init), ratings))
        var order = ItemCFArguments.byTitle(movies.map(Int.init), dataset)
        if sort == "rating" {
            let byTitle = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            order.sort { rating[$0]! != rating[$1]! ? rating[$0]! > rating[$1]! : byTitle[$0]! < byTitle[$1]! }
        }
        let rows = order.map { movie -> [TableValue] in
            [
                .text(dataset.ratings.movieIds.rawId(at: movie)), .text(dataset.title(ofMovie: movie)),
                .decimal(Double(rating[movie]!)),
            ]
        }
        let mean = ratings.isEmpty ? Double.nan : ratings.reduce(0.0) { $0 + Double($1) } / Double(ratings.count)
        return [
            .table(
                ResultTable(
                    title: "Movies rated by \(selection.describe(user: user))",
                    columns: [.text("movie id"), .text("title"), .decimal("rating", precision: 1)], rows: rows)),
            .metrics(
                MetricList(
                    title: "User \(user) (id \(dataset.ratings.userIds.rawId(at: user)))",
                    metrics: [
                        .count("movies rated", ratings.count), Metric("mean rating", mean, precision: 4),
                    ])),
        ]
    }
}
