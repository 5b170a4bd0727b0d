import RecEngine

/// `replace`: changes one rating value into another (the article turns -1 into 1).
enum ReplaceVerb {
    static let verb = Verb(
        name: "replace",
        summary: "Replaces every rating equal to one value with another, e.g. -1 (seen, not rated) with 1.",
        usage: "replace ratings from=VALUE to=VALUE",
        example: "replace ratings from=-1 to=1",
        keys: ["from", "to"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        _ = try invocation.subject(from: ["ratings"])
        guard let old = try invocation.double("from"), let new = try invocation.double("to") else {
            throw invocation.fail("`replace` needs from= and to=, as in: \(verb.example)")
        }
        var dataset = try session.requireDataset(invocation)
        let (table, replaced) = dataset.ratings.replacingRatings(Float(old), with: Float(new))
        dataset.ratings = table
        session.dataset = dataset
        let from = DisplayNumber.shortest(old)
        let to = DisplayNumber.shortest(new)
        return [
            .note("Replaced \(DisplayNumber.count(replaced)) rating\(replaced == 1 ? "" : "s") of \(from) with \(to)."),
            .metrics(MetricList(title: "Replaced", metrics: [.count("ratings changed from \(from) to \(to)", replaced)])),
        ]
    }
}
