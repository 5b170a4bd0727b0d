/// A problem with the book: in `recbook.yml`, or in a notebook's front matter that refers to
/// it. The location is the file and line to fix.
public struct BookError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
