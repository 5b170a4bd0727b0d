public struct BarChart: Sendable, Hashable {
    public var title: String
    public var labels: [String]
    public var values: [Double]
    /// The fewest digits after the point of each bar's value (see `DisplayNumber.value`).
    public var precision: Int
}
