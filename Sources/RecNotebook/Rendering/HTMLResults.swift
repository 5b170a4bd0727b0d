import Foundation

/// Cell results as HTML fragments. Every value from data goes through `HTMLText.escape`.
/// `timings: false` (`--no-timings`) shows `TimingText.omitted` for timing values.
enum HTMLResults {
    /// `render(result, timings: true)`, as a function for `map`.
    static func render(_ result: CellResult) -> String {
        render(result, timings: true)
    }

    static func render(_ result: CellResult, timings: Bool) -> String {
        switch result {
        case .table(let table): return render(table, timings: timings)
        case .metrics(let metrics): return render(metrics)
        case .barChart(let chart):
            return figure(chart.title, SVGBarChart.render(chart), AsciiBarChart.render(chart), kind: "bar-chart")
        case .lineChart(let chart):
            return figure(chart.title, SVGLineChart.render(chart), AsciiLineChart.render(chart), kind: "line-chart")
        case .note(let text): return "<p class=\"note\">\(HTMLText.escape(text))</p>\n"
        case .file(let link):
            return "<p class=\"note file\">\(HTMLText.escape(link.label)): "
                + "<a href=\"\(HTMLText.escape(RelativeURL.encode(link.path)))\">\(HTMLText.escape(link.path))</a></p>\n"
        }
    }

    static func render(_ table: ResultTable, timings: Bool = true) -> String {
        var html = "<div class=\"table-wrap\"><table class=\"result\">\n"
        html += "<caption>\(HTMLText.escape(table.title))</caption>\n<thead><tr>"
        for column in table.columns {
            html += "<th\(alignment(column))>\(HTMLText.escape(column.name))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (column, value) in zip(table.columns, row) {
                let missing = value == .missing ? " nan" : ""
                let numeric = column.kind == .text ? "" : "num"
                let classes = (numeric + missing).trimmingCharacters(in: .whitespaces)
                var text = HTMLText.escape(format(value, column))
                // Timings are marked as such, like the cell's own wall time.
                if column.kind == .seconds {
                    text = timings ? "<span class=\"time\">\(text)</span>" : TimingText.omitted
                }
                html += "<td\(classes.isEmpty ? "" : " class=\"\(classes)\"")>\(text)</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>\n"
        if table.omittedRows > 0 {
            html +=
                "<p class=\"more\">… \(DisplayNumber.count(table.omittedRows)) more row\(table.omittedRows == 1 ? "" : "s") not shown</p>\n"
        }
        return html
    }

    static func render(_ list: MetricList) -> String {
        var html = "<table class=\"metrics\">\n<caption>\(HTMLText.escape(list.title))</caption>\n<tbody>\n"
        for metric in list.metrics {
            html += "<tr><th>\(HTMLText.escape(metric.name))</th>"
            html +=
                "<td class=\"num\">\(HTMLText.escape(DisplayNumber.grouped(DisplayNumber.value(metric.value, precision: metric.precision))))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// How a table value is printed: at least the column's precision (see `DisplayNumber.value`),
    /// thousands grouped except in ids and text, NaN as pandas prints it.
    static func format(_ value: TableValue, _ column: TableColumn) -> String {
        switch value {
        case .integer(let number): return column.groupsThousands ? DisplayNumber.count(number) : String(number)
        case .decimal(let number):
            let text = DisplayNumber.value(number, precision: column.precision)
            return column.groupsThousands ? DisplayNumber.grouped(text) : text
        case .text(let text): return text
        case .missing: return "NaN"
        }
    }

    private static func alignment(_ column: TableColumn) -> String {
        column.kind == .text ? "" : " class=\"num\""
    }

    /// The SVG chart, with the ASCII chart folded away beneath it (for copying into a terminal
    /// or a plain-text note).
    private static func figure(_ title: String, _ svg: String, _ ascii: String, kind: String) -> String {
        "<figure class=\"\(kind)\"><figcaption>\(HTMLText.escape(title))</figcaption>\n\(svg)"
            + "<details class=\"ascii\"><summary>Text version</summary>"
            + "<pre class=\"ascii\">\(HTMLText.escape(ascii))</pre></details></figure>\n"
    }
}
