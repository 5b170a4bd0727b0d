/// A check's outcome as the terminal shows it.
public enum CheckReport {
    public static func text(_ outcome: NotebookChecker.Outcome) -> String {
        var lines: [String] = []
        let against = "\(outcome.report), data \(outcome.dataFolder)"
        if outcome.passed {
            lines.append("ok      \(outcome.notebook) matches \(against)")
        } else if !outcome.failures.isEmpty {
            let count = outcome.failures.count
            let matched = outcome.drifts.isEmpty && outcome.dataChanges.isEmpty ? " (as in the report)" : ""
            lines.append(
                "FAILED  \(outcome.notebook): \(count) cell\(count == 1 ? "" : "s") failed\(matched), against \(against)")
        } else {
            let count = outcome.drifts.count + outcome.dataChanges.count
            lines.append("DRIFT   \(outcome.notebook) differs from \(against): \(count) difference\(count == 1 ? "" : "s")")
        }
        lines += outcome.failures.map { "  error: \($0)" }
        lines += outcome.dataChanges.map { "  data: \($0)" }
        lines += outcome.notices.map { "  note: \($0)" }
        // `file:line` first, so editors and CI logs link each difference to its cell.
        lines += outcome.drifts.map { drift in
            let place = drift.line.map { "\(outcome.notebook):\($0)" } ?? outcome.notebook
            let cell = drift.cell.map { " cell \($0)" } ?? ""
            return "  \(place)\(cell): \(drift.what): \(drift.before) -> \(drift.after)"
        }
        return lines.joined(separator: "\n")
    }
}
