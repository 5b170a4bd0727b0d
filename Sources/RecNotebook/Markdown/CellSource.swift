/// A fenced block whose info string starts with `rec`.
public struct CellSource: Sendable, Hashable {
    /// 1-based position among the notebook's cells (`In [n]`).
    public var number: Int
    /// The notebook line of the opening fence.
    public var line: Int
    /// The info string after `rec`, e.g. `echo=false`.
    public var info: String
    public var code: String
    /// The notebook line of the code's first line.
    public var firstCodeLine: Int { line + 1 }
}
