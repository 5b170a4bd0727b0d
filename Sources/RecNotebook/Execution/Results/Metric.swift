public struct Metric: Sendable, Hashable {
    public var name: String
    public var value: Double
    /// The fewest digits after the point when shown: 0 shows 4 as `4` and 0.5 as `0.5` (see
    /// `DisplayNumber.value`).
    public var precision: Int

    public init(_ name: String, _ value: Double, precision: Int) {
        self.name = name
        self.value = value
        self.precision = precision
    }

    public static func count(_ name: String, _ value: Int) -> Metric { Metric(name, Double(value), precision: 0) }
}
