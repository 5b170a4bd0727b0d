/// Line charts in plain text, for loss curves: one marker per series, a labelled y axis and
/// the first and last x values.
///
///     2.412 ┤*
///           │ *
///           │  **
///     1.087 ┤    *****
///           └─────────
///            1       9  epoch
enum AsciiLineChart {
    static let height = 10
    static let maximumWidth = 60
    static let markers: [Character] = ["*", "+", "o", "x", "#"]

    static func render(_ chart: LineChart) -> String {
        let points = chart.series.map { $0.values.filter(\.isFinite) }
        let all = points.flatMap { $0 }
        guard let low = all.min(), let high = all.max(), let longest = chart.series.map(\.values.count).max(), longest > 0 else {
            return "(no finite values to plot)"
        }
        let width = min(maximumWidth, longest)
        let span = high - low
        var grid = [[Character]](repeating: [Character](repeating: " ", count: width), count: height)
        for (seriesIndex, series) in chart.series.enumerated() {
            let marker = markers[seriesIndex % markers.count]
            for column in 0..<width {
                let index = width == 1 ? 0 : Int((Double(column) * Double(series.values.count - 1) / Double(width - 1)).rounded())
                guard index < series.values.count, series.values[index].isFinite else { continue }
                let fraction = span > 0 ? (series.values[index] - low) / span : 0.5
                let row = height - 1 - Int((fraction * Double(height - 1)).rounded())
                grid[row][column] = marker
            }
        }
        let highText = DisplayNumber.value(high, precision: 4)
        let lowText = DisplayNumber.value(low, precision: 4)
        let axisWidth = max(highText.count, lowText.count)
        var lines: [String] = []
        for (row, cells) in grid.enumerated() {
            let label = row == 0 ? highText : (row == height - 1 ? lowText : "")
            let tick: Character = row == 0 || row == height - 1 ? "┤" : "│"
            lines.append(String(repeating: " ", count: axisWidth - label.count) + label + " \(tick)" + String(cells))
        }
        lines.append(String(repeating: " ", count: axisWidth + 1) + "└" + String(repeating: "─", count: width))
        let last = String(longest)
        let gap = max(1, width - 1 - last.count)
        lines.append(
            String(repeating: " ", count: axisWidth + 2) + "1" + String(repeating: " ", count: gap) + last + "  " + chart.xLabel)
        if chart.series.count > 1 {
            let legend = chart.series.enumerated().map { "\(markers[$0.offset % markers.count]) \($0.element.name)" }
            lines.append(String(repeating: " ", count: axisWidth + 2) + legend.joined(separator: "   "))
        }
        return lines.joined(separator: "\n")
    }
}
