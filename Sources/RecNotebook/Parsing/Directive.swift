/// One line of a `rec` cell: `verb [subject ...] [key=value ...]`.
public struct Directive: Sendable, Hashable {
    public struct Option: Sendable, Hashable {
        public var key: String
        public var value: String
    }

    public var verb: String
    /// Bare words after the verb, e.g. `ratings` in `head ratings n=5`.
    public var subjects: [String]
    /// `key=value` pairs in the order written.
    public var options: [Option]
    public var location: SourceLocation
    /// The line as written, for error messages and the report.
    public var text: String
}
