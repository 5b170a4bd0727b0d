import Foundation

/// A notebook report as a Jupyter notebook (`--to ipynb`, nbformat 4.5), for JupyterLab, VS Code
/// and GitHub: the notebook's own Markdown as Markdown cells (the provenance header after the
/// title, as on the HTML page), each `rec` cell as a code cell whose source is its directives and
/// whose outputs are its results:
///
/// - tables, metrics and file links: `display_data` with `text/html` (as on the HTML page) and
///   `text/plain` (`PlainTextResults`);
/// - charts: `display_data` with `image/svg+xml` (carrying its own style, since viewers show it
///   as an image, outside any page CSS) and the ASCII chart as `text/plain`;
/// - notes: a `stdout` stream; an error: an `error` output (`traceback` is `file:line: message`).
///
/// Cells that ran are numbered 1, 2, 3... in `execution_count`; a cell that did not run has
/// none. The notebook names its language `recbook` and has no kernelspec, so no viewer takes the
/// directives for Python. Cell ids are fixed (`cell-N` for cell `In [N]`, as the HTML anchors;
/// `md-N` for Markdown) and keys sorted, so the same run gives the same bytes.
enum JupyterNotebook {
    static let languageName = "recbook"

    /// - Parameter timings: `false` (`--no-timings`) leaves wall times, memory and cache notes out
    ///   of the cells' metadata and timing table values out of the outputs.
    static func render(_ run: NotebookRun, timings: Bool = true) throws -> Data {
        var cells: [[String: Any]] = []
        var prose: [String] = []
        var markdownCells = 0
        func flushProse() {
            guard !prose.isEmpty else { return }
            markdownCells += 1
            cells.append(markdownCell(prose.joined(separator: "\n\n"), id: "md-\(markdownCells)"))
            prose = []
        }
        var blocks = run.document.blocks[...]
        if case .prose(let first) = blocks.first, first.heading?.level == 1 {
            prose.append(first.markdown)
            blocks = blocks.dropFirst()
        }
        prose.append(MarkdownReport.provenance(run).trimmingCharacters(in: .newlines))
        var runs = run.cells.makeIterator()
        var executed = 0
        for block in blocks {
            switch block {
            case .prose(let block):
                prose.append(block.markdown)
            case .cell:
                guard let cell = runs.next() else { continue }
                flushProse()
                var count: Int?
                if cell.status != .notRun {
                    executed += 1
                    count = executed
                }
                cells.append(codeCell(cell, executionCount: count, timings: timings))
            }
        }
        flushProse()
        let notebook: [String: Any] = [
            "cells": cells,
            "metadata": ["language_info": ["name": languageName]],
            "nbformat": 4,
            "nbformat_minor": 5,
        ]
        return try JSONSerialization.data(
            withJSONObject: notebook, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) + Data("\n".utf8)
    }

    private static func markdownCell(_ markdown: String, id: String) -> [String: Any] {
        ["cell_type": "markdown", "id": id, "metadata": [String: Any](), "source": lines(markdown)]
    }

    private static func codeCell(_ run: CellRun, executionCount: Int?, timings: Bool) -> [String: Any] {
        var recbook: [String: Any] = [:]
        if !run.cell.info.isEmpty { recbook["info"] = run.cell.info }
        if timings, run.status != .notRun {
            recbook["seconds"] = ReportTwin.milliseconds(run.seconds)
            if let bytes = run.peakMemoryBytes { recbook["peakMemoryMB"] = ReportTwin.megabytes(bytes) }
            if !run.cacheEvents.isEmpty { recbook["cache"] = run.cacheEvents.map(\.summary) }
        }
        var metadata: [String: Any] = [:]
        if !recbook.isEmpty { metadata["recbook"] = recbook }
        // `echo=false` hides the directives on the page; Jupyter collapses them instead.
        if !run.options.echo { metadata["jupyter"] = ["source_hidden": true] }
        var outputs = run.results.map { output($0, timings: timings) }
        if let error = run.error {
            outputs.append([
                "output_type": "error", "ename": "Error", "evalue": error.message, "traceback": [error.description],
            ])
        }
        return [
            "cell_type": "code", "execution_count": executionCount.map { $0 as Any } ?? NSNull(), "id": "cell-\(run.cell.number)",
            "metadata": metadata, "outputs": outputs,
            // Jupyter ends a cell's source without a line break.
            "source": lines(run.cell.code.hasSuffix("\n") ? String(run.cell.code.dropLast()) : run.cell.code),
        ]
    }

    private static func output(_ result: CellResult, timings: Bool) -> [String: Any] {
        let plain = lines(PlainTextResults.render(result, timings: timings))
        let data: [String: Any]
        switch result {
        case .note(let text):
            return ["output_type": "stream", "name": "stdout", "text": lines(text + "\n")]
        case .barChart(let chart):
            data = ["image/svg+xml": lines(styled(SVGBarChart.render(chart))), "text/plain": plain]
        case .lineChart(let chart):
            data = ["image/svg+xml": lines(styled(SVGLineChart.render(chart))), "text/plain": plain]
        case .table, .metrics, .file:
            data = ["text/html": lines(HTMLResults.render(result, timings: timings)), "text/plain": plain]
        }
        return ["output_type": "display_data", "data": data, "metadata": [String: Any]()]
    }

    /// The chart colours of `PageStyle`, inside the SVG. A `fill` attribute (line-chart legend
    /// keys) wins over the bar colour.
    static let chartStyle =
        "<style>svg{font:12px sans-serif;fill:#1f2328}rect:not([fill]){fill:#0b5cad}.value{fill:#59636e}"
        + ".axis{fill:none;stroke:#59636e}</style>"

    /// `svg` with `chartStyle` after its opening tag. Every attribute value in it is escaped, so
    /// the first `>` closes that tag.
    static func styled(_ svg: String) -> String {
        guard let end = svg.firstIndex(of: ">") else { return svg }
        let afterTag = svg.index(after: end)
        return String(svg[..<afterTag]) + "\n" + chartStyle + String(svg[afterTag...])
    }

    /// Jupyter's multi-line strings: the text split after each line break, breaks kept.
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" || character == "\r\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
