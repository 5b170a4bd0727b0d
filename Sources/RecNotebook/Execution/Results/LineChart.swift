public struct LineChart: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Double]
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
}
