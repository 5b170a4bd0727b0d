/// Cell results as plain text, for readers that show no HTML or images (the `text/plain`
/// version of each output in a Jupyter export): tables and metrics aligned by display width,
/// charts as the ASCII charts the terminal shows. Nothing is escaped: this is not markup.
enum PlainTextResults {
    /// - Parameter timings: `false` (`--no-timings`) shows `TimingText.omitted` for timing values.
    static func render(_ result: CellResult, timings: Bool = true) -> String {
        switch result {
        case .table(let table): return render(table, timings: timings)
        case .metrics(let list): return list.title + "\n" + metricLines(list)
        case .barChart(let chart): return chart.title + "\n" + AsciiBarChart.render(chart)
        case .lineChart(let chart): return chart.title + "\n" + AsciiLineChart.render(chart)
        case .note(let text): return text
        case .file(let link): return "\(link.label): \(link.path)"
        }
    }

    /// The title, then the columns padded to their widest value, numbers right-aligned.
    static func render(_ table: ResultTable, timings: Bool = true) -> String {
        let texts = table.rows.map { row in
            zip(table.columns, row).map { column, value in
                column.kind == .seconds && !timings ? TimingText.omitted : HTMLResults.format(value, column)
            }
        }
        let widths = table.columns.indices.map { index in
            ([table.columns[index].name] + texts.map { index < $0.count ? $0[index] : "" }).map(DisplayWidth.of).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = zip(table.columns, zip(cells, widths)).map { column, cell in
                let padding = String(repeating: " ", count: max(0, cell.1 - DisplayWidth.of(cell.0)))
                return column.kind == .text ? cell.0 + padding : padding + cell.0
            }
            // A text column on the right would leave trailing spaces.
            return String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        var lines = [table.title, line(table.columns.map(\.name))]
        lines += texts.map(line)
        if table.omittedRows > 0 {
            lines.append("… \(DisplayNumber.count(table.omittedRows)) more row\(table.omittedRows == 1 ? "" : "s") not shown")
        }
        return lines.joined(separator: "\n")
    }

    /// One metric a line: names padded to the longest, values right-aligned.
    static func metricLines(_ list: MetricList) -> String {
        let width = list.metrics.map { DisplayWidth.of($0.name) }.max() ?? 0
        let values = list.metrics.map { DisplayNumber.grouped(DisplayNumber.value($0.value, precision: $0.precision)) }
        let valueWidth = values.map(\.count).max() ?? 0
        return zip(list.metrics, values).map { metric, value in
            DisplayWidth.padded(metric.name, to: width) + "  " + String(repeating: " ", count: valueWidth - value.count)
                + value
        }.joined(separator: "\n")
    }
}
