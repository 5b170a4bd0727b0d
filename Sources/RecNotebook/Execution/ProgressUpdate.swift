/// How far a long verb is, with an estimate of the time left.
public struct ProgressUpdate: Sendable, Hashable {
    public var notebook: String
    public var cell: Int
    public var line: Int
    /// 0...1.
    public var fraction: Double
    /// What is being done, e.g. `epoch 12/45, loss 0.8123`.
    public var detail: String
    /// Seconds since the cell started.
    public var elapsed: Double
    /// Seconds left at the pace so far; `nil` before there is a pace.
    public var remaining: Double?
}
