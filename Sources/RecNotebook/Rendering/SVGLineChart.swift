/// Line charts (loss curves) as inline SVG: one polyline per series, the y range and the first
/// and last x values on the axes, a legend when there are several series. Titles and names are
/// escaped; coordinates use fixed decimals so a page is byte-stable.
enum SVGLineChart {
    static let width = 640.0
    static let height = 260.0
    static let left = 64.0
    static let right = 16.0
    static let top = 12.0
    static let bottom = 40.0
    static let colors = ["#0b5cad", "#c4432b", "#1a7f37", "#8250df", "#9a6700"]

    static func render(_ chart: LineChart) -> String {
        let all = chart.series.flatMap { $0.values.filter(\.isFinite) }
        let longest = chart.series.map(\.values.count).max() ?? 0
        var svg =
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
            + "width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(chart.title))\">\n"
        svg += "<title>\(HTMLText.escape(chart.title))</title>\n"
        guard let low = all.min(), let high = all.max(), longest > 0 else {
            return svg
                + "<text x=\"\(n(width / 2))\" y=\"\(n(height / 2))\" text-anchor=\"middle\">no finite values to plot</text>\n</svg>\n"
        }
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let span = high - low
        func x(_ index: Int) -> Double { left + (longest == 1 ? plotWidth / 2 : Double(index) / Double(longest - 1) * plotWidth) }
        func y(_ value: Double) -> Double { top + (span > 0 ? (high - value) / span : 0.5) * plotHeight }
        svg += "<path class=\"axis\" d=\"M\(n(left)) \(n(top))V\(n(top + plotHeight))H\(n(left + plotWidth))\"/>\n"
        svg +=
            "<text x=\"\(n(left - 6))\" y=\"\(n(top + 4))\" text-anchor=\"end\">\(DisplayNumber.value(high, precision: 4))</text>"
        svg +=
            "<text x=\"\(n(left - 6))\" y=\"\(n(top + plotHeight))\" text-anchor=\"end\">\(DisplayNumber.value(low, precision: 4))</text>\n"
        svg += "<text x=\"\(n(left))\" y=\"\(n(top + plotHeight + 16))\" text-anchor=\"middle\">1</text>"
        svg += "<text x=\"\(n(left + plotWidth))\" y=\"\(n(top + plotHeight + 16))\" text-anchor=\"end\">\(longest)</text>"
        svg +=
            "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(top + plotHeight + 16))\" text-anchor=\"middle\">\(HTMLText.escape(chart.xLabel))</text>\n"
        for (index, series) in chart.series.enumerated() {
            let color = colors[index % colors.count]
            // NaN or infinite points break the line instead of bending it to the axis.
            var path = ""
            var pen = "M"
            for (point, value) in series.values.enumerated() {
                guard value.isFinite else {
                    pen = "M"
                    continue
                }
                path += "\(pen)\(n(x(point))) \(n(y(value)))"
                pen = "L"
            }
            svg +=
                "<path class=\"series\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" d=\"\(path)\"><title>\(HTMLText.escape(series.name))</title></path>\n"
        }
        if chart.series.count > 1 {
            for (index, series) in chart.series.enumerated() {
                let lx = left + 8 + Double(index) * 150
                svg +=
                    "<rect x=\"\(n(lx))\" y=\"\(n(height - 14))\" width=\"10\" height=\"10\" fill=\"\(colors[index % colors.count])\"/>"
                svg += "<text x=\"\(n(lx + 14))\" y=\"\(n(height - 5))\">\(HTMLText.escape(series.name))</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    private static func n(_ value: Double) -> String {
        DisplayNumber.fixed(value, 1)
    }
}
