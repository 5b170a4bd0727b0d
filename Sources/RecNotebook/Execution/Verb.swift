/// A directive verb: its name, what it accepts, how it reads in the docs, and what it does.
struct Verb: Sendable {
    var name: String
    /// One line for the README's directive reference.
    var summary: String
    /// The shape of a call, e.g. `head ratings|movies [n=5]`.
    var usage: String
    /// A call that works, shown in error messages.
    var example: String
    /// Option keys the verb understands; any other key is an error.
    var keys: [String]
    var run: @Sendable (Invocation, Session) throws(NotebookError) -> [CellResult]
    /// Whether any key is accepted (`params` declares names of the user's choosing).
    var acceptsAnyKey = false
}
