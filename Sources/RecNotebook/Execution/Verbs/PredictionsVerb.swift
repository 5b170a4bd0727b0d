import RecEngine

/// `predictions`: the first test ratings beside the model's predictions (the article prints ten),
/// optionally only one user's.
enum PredictionsVerb {
    static let verb = Verb(
        name: "predictions",
        summary: "Shows a trained model's predictions for the first test ratings beside the true ratings; "
            + "user=INDEX or id=USERID shows only that user's test ratings.",
        usage: "predictions NAME [user=INDEX | id=USERID] [n=10]",
        example: "predictions rsvd1 n=10",
        keys: IdSelection.userKeys + ["n"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`predictions` needs the name of a trained model, as in: \(verb.example)")
        }
        let limit = try invocation.int("n", default: 10, range: 1...10_000)
        let (model, split, warning) = try session.requireModelOnSplit(name, invocation)
        let dataset = try session.requireDataset(invocation)
        let selection = IdSelection(invocation, dataset)
        let user = try selection.userIfNamed()
        let test = split.test
        let chosen = user.map { user in (0..<test.count).filter { Int(test.users[$0]) == user } } ?? Array(0..<test.count)
        let shown = chosen.prefix(limit)
        let rows: [[TableValue]] = shown.enumerated().map { position, row in
            let user = Int(test.users[row])
            let movie = Int(test.movies[row])
            let prediction = model.predictor.predict(user: user, movie: movie)
            return [
                .integer(position + 1), .text(test.userIds.rawId(at: user)), .text(test.movieIds.rawId(at: movie)),
                .text(dataset.title(ofMovie: movie)), .decimal(prediction.value),
                .decimal(DisplayNumber.decimal(test.ratings[row])),
            ]
        }
        let whose = user.map { user in
            chosen.isEmpty
                ? "\(selection.describe(user: user)) has no test ratings"
                : "\(selection.describe(user: user))'s first \(shown.count) of \(chosen.count) test ratings"
        }
        return [
            .table(
                ResultTable(
                    title: "`\(name)`: \(whose ?? "first \(DisplayNumber.count(shown.count)) test ratings")",
                    columns: [
                        .integer("#"), .text("user id"), .text("movie id"), .text("title"), .decimal("predicted", precision: 4),
                        .decimal("actual", precision: 0),
                    ],
                    rows: rows, omittedRows: chosen.count - shown.count))
        ] + [warning.map(CellResult.note)].compactMap { $0 }
    }
}
