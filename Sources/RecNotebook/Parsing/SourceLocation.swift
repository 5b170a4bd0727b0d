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

/// An error in a notebook or in running one of its directives. The message is what the user
/// sees, after the location.
public struct NotebookError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
