/// What a directive produces: plain typed values, no formatting. The renderers turn them into
/// HTML, ASCII and JSON; `check` compares them.
public enum CellResult: Sendable, Hashable {
    case table(ResultTable)
    case metrics(MetricList)
    case barChart(BarChart)
    case lineChart(LineChart)
    /// A short sentence about what a directive did, e.g. how many ratings it replaced.
    case note(String)
    /// A file a directive wrote beside the report (a model from `save`), linked from the page.
    case file(FileLink)
}
