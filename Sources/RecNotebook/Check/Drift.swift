/// One difference between a committed report and a fresh run of its notebook.
public struct Drift: Sendable, Hashable, CustomStringConvertible {
    /// The cell's number (`In [n]`), or `nil` for the report as a whole (data, seed).
    public var cell: Int?
    /// The notebook line of the cell's fence.
    public var line: Int?
    /// What moved, e.g. `"Ratings" › mean rating`.
    public var what: String
    public var before: String
    public var after: String

    public var description: String {
        let place = cell.map { cell in "cell \(cell)" + (line.map { ", line \($0)" } ?? "") + ": " } ?? ""
        return "\(place)\(what): \(before) -> \(after)"
    }
}
