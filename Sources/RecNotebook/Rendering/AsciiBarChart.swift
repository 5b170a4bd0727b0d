/// Horizontal bar charts in plain text, labels aligned by display width:
///
///     -1 │██▍                                      947
///      1 │█▏                                       470
enum AsciiBarChart {
    static let barWidth = 40
    private static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    static func render(_ chart: BarChart) -> String {
        let labelWidth = chart.labels.map(DisplayWidth.of).max() ?? 0
        let largest = chart.values.filter(\.isFinite).map(abs).max() ?? 0
        let valueTexts = chart.values.map { DisplayNumber.value($0, precision: chart.precision) }
        let valueWidth = valueTexts.map(\.count).max() ?? 0
        var lines: [String] = []
        for (index, label) in chart.labels.enumerated() {
            let value = chart.values[index]
            let bar = bar(value: value, largest: largest)
            let valueText = String(repeating: " ", count: valueWidth - valueTexts[index].count) + valueTexts[index]
            lines.append("\(DisplayWidth.padded(label, to: labelWidth)) │\(bar) \(valueText)")
        }
        return lines.joined(separator: "\n")
    }

    /// A bar `barWidth` characters long for the largest value, in eighths of a character.
    private static func bar(value: Double, largest: Double) -> String {
        guard value.isFinite, largest > 0 else { return String(repeating: " ", count: barWidth) }
        let eighths = Int((abs(value) / largest * Double(barWidth * 8)).rounded())
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { bar.append(partials[eighths % 8 - 1]) }
        return bar + String(repeating: " ", count: barWidth - bar.count)
    }
}
