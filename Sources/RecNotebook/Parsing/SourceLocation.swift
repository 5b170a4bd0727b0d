/// A place in a notebook, carried from parsing through execution to the rendered error.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The notebook's file name as the user named it.
    public var file: String
    /// 1-based line in the notebook.
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
