/// Horizontal bar charts as inline SVG for the HTML pages (the ASCII version stays for Markdown
/// and terminals). Every label and the title go through `HTMLText.escape`, which is also valid
/// XML escaping. Coordinates are printed with fixed decimals so a page is byte-stable.
enum SVGBarChart {
    static let width = 640.0
    static let rowHeight = 18.0
    static let barHeight = 13.0
    static let top = 8.0
    /// Approximate pixels per display column at the 12px label size.
    static let columnWidth = 7.0

    static func render(_ chart: BarChart) -> String {
        let labelWidth = min(260, Double(chart.labels.map(DisplayWidth.of).max() ?? 0) * columnWidth + 8)
        let valueTexts = chart.values.map { DisplayNumber.value($0, precision: chart.precision) }
        let valueWidth = Double(valueTexts.map(\.count).max() ?? 0) * columnWidth + 8
        let plotWidth = max(40, width - labelWidth - valueWidth)
        let largest = chart.values.filter(\.isFinite).map(abs).max() ?? 0
        let height = top * 2 + Double(chart.labels.count) * rowHeight
        var svg =
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
            + "width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(chart.title))\">\n"
        svg += "<title>\(HTMLText.escape(chart.title))</title>\n"
        for (index, label) in chart.labels.enumerated() {
            let y = top + Double(index) * rowHeight
            let value = chart.values[index]
            let length = value.isFinite && largest > 0 ? abs(value) / largest * plotWidth : 0
            svg +=
                "<text x=\"\(n(labelWidth - 6))\" y=\"\(n(y + barHeight - 2))\" text-anchor=\"end\">\(HTMLText.escape(label))</text>"
            svg += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y))\" width=\"\(n(length))\" height=\"\(n(barHeight))\"/>"
            svg +=
                "<text class=\"value\" x=\"\(n(labelWidth + length + 4))\" y=\"\(n(y + barHeight - 2))\">\(HTMLText.escape(valueTexts[index]))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A coordinate with one decimal.
    static func n(_ value: Double) -> String {
        DisplayNumber.fixed(value, 1)
    }
}
