public struct MetricList: Sendable, Hashable {
    public var title: String
    public var metrics: [Metric]
}
