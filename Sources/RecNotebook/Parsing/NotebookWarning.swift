/// Something in a notebook that rendered, but not as the author meant: the report is written and
/// the run succeeds, and the warning tells the user where to look.
public struct NotebookWarning: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): warning: \(message)" }
}
