import RecEngine

/// `compare`: every model evaluated in the session, side by side.
enum CompareVerb {
    static let verb = Verb(
        name: "compare",
        summary: "Tabulates every model evaluated so far (by `evaluate` or `crossvalidate`) with its settings and scores.",
        usage: "compare [by=NAME]",
        example: "compare by=RMSE",
        keys: ["by"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        try invocation.noSubjects()
        guard !session.scores.isEmpty else {
            throw invocation.fail("no model has been evaluated yet; run `evaluate NAME` or `crossvalidate NAME model=...` first")
        }
        var names: [String] = []
        var precisions: [String: Int] = [:]
        for score in session.scores {
            for metric in score.metrics where precisions[metric.name] == nil {
                names.append(metric.name)
                precisions[metric.name] = metric.precision
            }
        }
        var scores = session.scores
        if let key = invocation.string("by") {
            guard names.contains(key) else {
                throw invocation.fail("by must be one of \(names.map { "`\($0)`" }.joined(separator: ", ")), not `\(key)`")
            }
            func value(_ score: ModelScore) -> Double { score.metrics.first { $0.name == key }?.value ?? .infinity }
            scores = scores.enumerated().sorted {
                value($0.element) != value($1.element) ? value($0.element) < value($1.element) : $0.offset < $1.offset
            }.map(\.element)
        }
        let rows: [[TableValue]] = scores.map { score in
            var row: [TableValue] = [.text(score.model), .text(score.settings)]
            for name in names {
                row.append(score.metrics.first { $0.name == name }.map { .number($0.value) } ?? .missing)
            }
            // No training time here: it varies from run to run, and `check` compares every value.
            // Each cell's wall time is in its header.
            return row
        }
        return [
            .table(
                ResultTable(
                    title: "Every model evaluated in this notebook",
                    columns: [.text("model"), .text("settings")] + names.map { .decimal($0, precision: precisions[$0] ?? 4) },
                    rows: rows))
        ]
    }
}
