@testable import RecNotebook

/// Directives run as one cell of `t.md` would run them, against a session the test holds.
enum DirectiveRun {
    @discardableResult
    static func run(_ code: String, in session: Session, line: Int = 1) throws -> [CellResult] {
        var results: [CellResult] = []
        for directive in try DirectiveParser.parseCell(code, file: "t.md", firstLine: line) {
            results += try VerbRegistry.run(directive, in: session)
        }
        return results
    }

    /// The message of the error `code` throws on `line`, or "no error".
    static func failure(_ code: String, in session: Session, line: Int = 9) -> String {
        do {
            try run(code, in: session, line: line)
            return "no error"
        } catch {
            return "\(error)"
        }
    }
}
