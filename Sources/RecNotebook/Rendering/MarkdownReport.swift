import RecEngine

/// A notebook report as executed Markdown (`--to md`): the prose as written, each cell as
/// written, then its results: tables as GitHub pipe tables, metrics and charts as fenced text
/// blocks (the ASCII charts the terminal shows). `timings: false` (`--no-timings`) leaves out
/// wall times, peak memory and cache notes.
enum MarkdownReport {
    static func render(_ run: NotebookRun, timings: Bool = true) -> String {
        var blocks = run.document.blocks[...]
        var parts: [String] = []
        if case .prose(let first) = blocks.first, first.heading?.level == 1 {
            parts.append(first.markdown + "\n")
            blocks = blocks.dropFirst()
        }
        parts.append(provenance(run))
        var cells = run.cells.makeIterator()
        for block in blocks {
            switch block {
            case .prose(let prose):
                parts.append(prose.markdown + "\n")
            case .cell:
                if let cell = cells.next() { parts.append(render(cell, timings: timings)) }
            }
        }
        return parts.joined(separator: "\n")
    }

    /// The provenance header as a Markdown block quote (the Jupyter export uses it too).
    static func provenance(_ run: NotebookRun) -> String {
        let provenance = run.provenance
        var lines = [
            "> **Provenance.** Notebook `\(provenance.notebook)`, recbook \(provenance.engineVersion), "
                + "data folder `\(provenance.dataFolder)`, master seed \(provenance.seed)."
        ]
        for source in provenance.sources {
            lines.append(">")
            lines.append(
                "> \(source.role): `\(source.path)`, \(DisplayNumber.count(source.rows)) rows, sha256 `\(source.sha256)`")
        }
        if let spark = provenance.spark {
            lines.append(">")
            lines.append("> Spark: " + MarkdownText.escapeInline(spark.summary))
        }
        if let parameters = provenance.parameters {
            lines.append(">")
            lines.append("> parameters: " + parameters.keys.sorted().map { "`\($0)=\(parameters[$0]!)`" }.joined(separator: ", "))
        }
        if let banner = provenance.banner {
            lines.append(">")
            lines.append("> " + MarkdownText.escapeInline(banner))
        }
        if let error = run.firstError {
            lines.append(">")
            lines.append("> **This report is incomplete:** " + MarkdownText.escapeInline(error.description))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ run: CellRun, timings: Bool) -> String {
        var parts: [String] = []
        if run.options.echo {
            parts.append(MarkdownText.fenced(run.cell.code, info: run.cell.info.isEmpty ? "rec" : "rec \(run.cell.info)"))
        }
        var label = "*Out [\(run.cell.number)]*"
        if run.status != .notRun, timings { label += " · " + RunMetadataText.summary(run) }
        parts.append(label + "\n")
        for result in run.results { parts.append(render(result, timings: timings)) }
        if let error = run.error { parts.append(MarkdownText.fenced("Error: \(error.description)")) }
        if run.status == .notRun {
            parts.append("*Not run: an earlier cell failed (render with --keep-going to run every cell).*\n")
        }
        return parts.joined(separator: "\n")
    }

    /// `render(result, timings: true)`, as a function for `map`.
    static func render(_ result: CellResult) -> String {
        render(result, timings: true)
    }

    static func render(_ result: CellResult, timings: Bool) -> String {
        switch result {
        case .table(let table): return render(table, timings: timings)
        case .metrics(let list): return caption(list.title) + MarkdownText.fenced(PlainTextResults.metricLines(list))
        case .barChart(let chart): return caption(chart.title) + MarkdownText.fenced(AsciiBarChart.render(chart))
        case .lineChart(let chart): return caption(chart.title) + MarkdownText.fenced(AsciiLineChart.render(chart))
        case .note(let text): return MarkdownText.escapeInline(text) + "\n"
        case .file(let link):
            let shown = MarkdownText.escapeInline(link.path)
            return "\(MarkdownText.escapeInline(link.label)): [\(shown)](\(RelativeURL.encode(link.path)))\n"
        }
    }

    /// A GitHub pipe table; numeric columns right-aligned.
    static func render(_ table: ResultTable, timings: Bool = true) -> String {
        var lines = [
            "| " + table.columns.map { MarkdownText.escapeInline($0.name) }.joined(separator: " | ") + " |",
            "|" + table.columns.map { $0.kind == .text ? " --- |" : " ---: |" }.joined(),
        ]
        for row in table.rows {
            let cells = zip(table.columns, row).map { column, value in
                column.kind == .seconds && !timings
                    ? TimingText.omitted : MarkdownText.escapeInline(HTMLResults.format(value, column))
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        var text = caption(table.title) + lines.joined(separator: "\n") + "\n"
        if table.omittedRows > 0 {
            text += "\n… \(DisplayNumber.count(table.omittedRows)) more row\(table.omittedRows == 1 ? "" : "s") not shown\n"
        }
        return text
    }

    private static func caption(_ title: String) -> String {
        "**\(MarkdownText.escapeInline(title))**\n\n"
    }
}
