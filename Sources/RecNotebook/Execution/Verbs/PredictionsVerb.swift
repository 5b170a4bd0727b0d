import RecEngine

/// `predictions`: the first test ratings beside the model's predictions (the article prints ten).
enum PredictionsVerb {
    static let verb = Verb(
        name: "predictions",
        summary: "Shows a trained model's predictions for the first test ratings beside the true ratings.",
        usage: "predictions NAME [n=10]",
        example: "predictions rsvd1 n=10",
        keys: ["n"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`predictions` needs the name of a trained model, as in: \(verb.example)")
        }
        let limit = try invocation.int("n", default: 10, range: 1...10_000)
        let (model, split, warning) = try session.requireModelOnSplit(name, invocation)
        let dataset = try session.requireDataset(invocation)
        let test = split.test
        let shown = min(limit, test.count)
        let rows: [[TableValue]] = (0..<shown).map { row in
            let user = Int(test.users[row])
            let movie = Int(test.movies[row])
            let prediction = model.predictor.predict(user: user, movie: movie)
            return [
                .integer(row + 1), .integer(user), .integer(movie), .text(dataset.title(ofMovie: movie)),
                .decimal(prediction.value), .decimal(Double(test.ratings[row])),
            ]
        }
        return [
            .table(
                ResultTable(
                    title: "`\(name)`: first \(shown) test ratings",
                    columns: [
                        .integer("#"), .integer("user"), .integer("movie"), .text("title"), .decimal("predicted", precision: 4),
                        .decimal("actual", precision: 0),
                    ],
                    rows: rows, omittedRows: test.count - shown))
        ] + [warning.map(CellResult.note)].compactMap { $0 }
    }
}
