/// The comparison of one cell.
struct CellComparison {
    var old: ReportTwin.Cell
    var new: CellRun
    private var tolerance: Double? { new.options.tolerance }

    func drifts() -> [Drift] {
        var drifts: [Drift] = []
        func add(_ what: String, _ before: String, _ after: String) {
            drifts.append(Drift(cell: new.cell.number, line: new.cell.line, what: what, before: before, after: after))
        }
        if old.source != new.cell.code {
            let (before, after) = Self.firstDifference(old.source, new.cell.code)
            add("cell text (render again to update the report)", before, after)
        }
        if old.status != new.status { add("status", old.status.rawValue, new.status.rawValue) }
        if old.error?.message != new.error?.message {
            add("error", old.error?.message ?? "(none)", new.error?.message ?? "(none)")
        }
        for index in 0..<max(old.results.count, new.results.count) {
            guard index < new.results.count else {
                add("result \(index + 1)", Self.name(old.results[index]), "(none)")
                continue
            }
            let current = ReportTwin.Result(new.results[index])
            guard index < old.results.count else {
                add("result \(index + 1)", "(none)", Self.name(current))
                continue
            }
            let committed = old.results[index]
            // Titles compare by their words and numbers, not by how the numbers were grouped.
            guard committed.kind == current.kind,
                committed.title.map(DisplayNumber.ungrouped) == current.title.map(DisplayNumber.ungrouped)
            else {
                add("result \(index + 1)", Self.name(committed), Self.name(current))
                continue
            }
            var values = ValueDiffs(
                prefix: committed.title.map { "\"\($0)\"" } ?? committed.kind, limit: ReportComparison.valuesPerResult)
            compare(committed, new.results[index], into: &values)
            for drift in values.listed { add(drift.what, drift.before, drift.after) }
            if values.unlisted > 0 {
                add("\(values.prefix) › …", "", "\(values.unlisted) more value\(values.unlisted == 1 ? "" : "s") differ")
            }
        }
        return drifts
    }

    private func compare(_ old: ReportTwin.Result, _ new: CellResult, into values: inout ValueDiffs) {
        switch new {
        case .table(let table):
            let oldNames = old.columns?.map(\.name) ?? []
            let newNames = table.columns.map(\.name)
            guard oldNames == newNames else {
                values.add("columns", oldNames.joined(separator: ", "), newNames.joined(separator: ", "))
                return
            }
            let oldRows = old.rows ?? []
            if oldRows.count != table.rows.count { values.add("rows", String(oldRows.count), String(table.rows.count)) }
            if (old.omittedRows ?? 0) != table.omittedRows {
                values.add("rows not shown", String(old.omittedRows ?? 0), String(table.omittedRows))
            }
            for (rowIndex, (oldRow, newRow)) in zip(oldRows, table.rows).enumerated() {
                for (column, (oldValue, newValue)) in zip(table.columns, zip(oldRow, newRow)) where column.kind != .seconds {
                    let before = Self.text(oldValue, column)
                    let after = HTMLResults.format(newValue, column)
                    guard before != after else { continue }
                    if column.kind == .decimal, case .number(let a) = oldValue, case .decimal(let b) = newValue,
                        within(a, b)
                    {
                        continue
                    }
                    values.add("row \(rowIndex + 1) › \(column.name)", before, after + percent(oldValue, newValue))
                }
            }
        case .metrics(let list):
            let oldMetrics = old.metrics ?? [:]
            for metric in list.metrics {
                guard let before = oldMetrics[metric.name] else {
                    values.add(metric.name, "(none)", DisplayNumber.value(metric.value, precision: metric.precision))
                    continue
                }
                compareNumber(metric.name, before, metric.value, precision: metric.precision, into: &values)
            }
            for name in oldMetrics.keys.sorted() where !list.metrics.contains(where: { $0.name == name }) {
                values.add(name, DisplayNumber.shortest(oldMetrics[name]!), "(none)")
            }
        case .barChart(let chart):
            let oldLabels = old.labels ?? []
            if oldLabels.count != chart.labels.count { values.add("bars", String(oldLabels.count), String(chart.labels.count)) }
            for (index, (before, after)) in zip(oldLabels, chart.labels).enumerated() where before != after {
                values.add("bar \(index + 1) label", before, after)
            }
            let oldValues = old.series?.first?.values ?? []
            for (index, (before, after)) in zip(oldValues, chart.values).enumerated() {
                let label = index < chart.labels.count ? chart.labels[index] : "bar \(index + 1)"
                compareNumber(label, before ?? .nan, after, precision: chart.precision, into: &values)
            }
        case .lineChart(let chart):
            let oldSeries = old.series ?? []
            if oldSeries.map(\.name) != chart.series.map(\.name) {
                values.add(
                    "series", oldSeries.map(\.name).joined(separator: ", "), chart.series.map(\.name).joined(separator: ", "))
            }
            for (before, after) in zip(oldSeries, chart.series) {
                if before.values.count != after.values.count {
                    values.add("\(after.name) points", String(before.values.count), String(after.values.count))
                }
                for (index, (a, b)) in zip(before.values, after.values).enumerated() {
                    compareNumber("\(after.name) \(chart.xLabel) \(index + 1)", a ?? .nan, b, precision: 4, into: &values)
                }
            }
        case .note(let text):
            if old.text.map(DisplayNumber.ungrouped) != DisplayNumber.ungrouped(text) {
                values.add("text", old.text ?? "(none)", text)
            }
        case .file(let link):
            if old.text != link.path { values.add("path", old.text ?? "(none)", link.path) }
        }
    }

    private func compareNumber(_ what: String, _ old: Double, _ new: Double, precision: Int, into values: inout ValueDiffs) {
        let before = DisplayNumber.value(old, precision: precision)
        let after = DisplayNumber.value(new, precision: precision)
        guard before != after, !within(old, new) else { return }
        values.add(what, before, after + percent(.number(old), .decimal(new)))
    }

    /// Whether two finite decimals are within the cell's relative tolerance.
    private func within(_ a: Double, _ b: Double) -> Bool {
        guard let tolerance, a.isFinite, b.isFinite else { return false }
        return abs(a - b) <= tolerance * max(abs(a), abs(b))
    }

    /// ` (+2.1%, tolerance 1%)` when the cell has a tolerance, so the reader sees by how much.
    private func percent(_ old: ReportTwin.JSONValue, _ new: TableValue) -> String {
        guard let tolerance, case .number(let a) = old, case .decimal(let b) = new, a != 0, a.isFinite, b.isFinite else {
            return ""
        }
        return
            " (\(b > a ? "+" : "")\(DisplayNumber.fixed((b - a) / abs(a) * 100, 2))%, tolerance \(DisplayNumber.shortest(tolerance * 100))%)"
    }

    private static func text(_ value: ReportTwin.JSONValue, _ column: TableColumn) -> String {
        switch value {
        case .number(let number):
            // Written as the page writes the new value, so only a changed value differs.
            let text = DisplayNumber.value(
                number, precision: column.kind == .decimal || column.kind == .seconds ? column.precision : 0)
            return column.groupsThousands ? DisplayNumber.grouped(text) : text
        case .text(let text): return text
        case .null: return "NaN"
        }
    }

    private static func name(_ result: ReportTwin.Result) -> String {
        result.title.map { "\(result.kind) \"\($0)\"" } ?? result.kind
    }

    /// The first line where two texts differ, for a short "before -> after".
    static func firstDifference(_ a: String, _ b: String) -> (String, String) {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "(no line)"
            let r = index < right.count ? String(right[index]) : "(no line)"
            if l != r { return ("`\(l)`", "`\(r)`") }
        }
        return ("", "")
    }
}
