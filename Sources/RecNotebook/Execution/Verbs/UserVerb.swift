import RecEngine

/// `user`: the movies one user rated, the article's `pivot.loc[666].dropna()`.
enum UserVerb {
    static let verb = Verb(
        name: "user",
        summary: "Lists the movies one user rated (by the article's dense user index, or id=NAME), "
            + "in pandas' title order or by rating, with duplicates averaged as in the pivot.",
        usage: "user INDEX | user id=NAME [sort=title|rating]",
        example: "user 666",
        keys: ["id", "sort"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let sort = try invocation.choice("sort", from: ["title", "rating"], default: "title")
        let dataset = try session.requireDataset(invocation)
        let user = try ItemCFArguments.user(invocation, dataset)
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
                .text(dataset.title(ofMovie: movie)), .text(dataset.ratings.movieIds.rawId(at: movie)),
                .decimal(Double(rating[movie]!)),
            ]
        }
        let mean = ratings.isEmpty ? Double.nan : ratings.reduce(0.0) { $0 + Double($1) } / Double(ratings.count)
        return [
            .table(
                ResultTable(
                    title: "Movies rated by user \(user) (\(dataset.ratings.userIds.rawId(at: user)))",
                    columns: [.text("title"), .text("movieId"), .decimal("rating", precision: 1)], rows: rows)),
            .metrics(
                MetricList(
                    title: "User \(user)",
                    metrics: [
                        .count("movies rated", ratings.count), Metric("mean rating", mean, precision: 4),
                    ])),
        ]
    }
}
