/// A directive being run, with typed access to its arguments. Every accessor's error names the
/// notebook line and says what was expected.
struct Invocation {
    let directive: Directive
    let verb: Verb

    var location: SourceLocation { directive.location }

    func fail(_ message: String) -> NotebookError {
        NotebookError(location, message)
    }

    /// The one subject the verb acts on, which must be one of `allowed`.
    func subject(from allowed: [String]) throws(NotebookError) -> String {
        guard directive.subjects.count == 1, let subject = directive.subjects.first else {
            throw fail("`\(verb.name)` needs one of \(list(allowed)), as in: \(verb.example)")
        }
        guard allowed.contains(subject) else {
            let hint = Suggestions.closest(to: subject, in: allowed).map { " Did you mean `\($0)`?" } ?? ""
            throw fail("`\(verb.name)` works on \(list(allowed)), not `\(subject)`.\(hint)")
        }
        return subject
    }

    func noSubjects() throws(NotebookError) {
        guard directive.subjects.isEmpty else {
            throw fail("`\(verb.name)` takes no bare words; write options as key=value, as in: \(verb.example)")
        }
    }

    func string(_ key: String) -> String? {
        directive.options.first { $0.key == key }?.value
    }

    func string(_ key: String, default fallback: String) -> String {
        string(key) ?? fallback
    }

    func choice(_ key: String, from allowed: [String], default fallback: String) throws(NotebookError) -> String {
        let value = string(key, default: fallback)
        guard allowed.contains(value) else {
            let hint = Suggestions.closest(to: value, in: allowed).map { " Did you mean `\($0)`?" } ?? ""
            throw fail("\(key) must be one of \(list(allowed)), not `\(value)`.\(hint)")
        }
        return value
    }

    func int(_ key: String, default fallback: Int, range: ClosedRange<Int> = Int.min...Int.max) throws(NotebookError) -> Int {
        guard let text = string(key) else { return fallback }
        guard let value = Int(text) else { throw fail("\(key) must be a whole number, not `\(text)`") }
        guard range.contains(value) else {
            throw fail("\(key) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
        }
        return value
    }

    func double(_ key: String) throws(NotebookError) -> Double? {
        guard let text = string(key) else { return nil }
        guard let value = Double(text), value.isFinite else { throw fail("\(key) must be a number, not `\(text)`") }
        return value
    }

    func bool(_ key: String, default fallback: Bool) throws(NotebookError) -> Bool {
        guard let text = string(key) else { return fallback }
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail("\(key) must be true or false, not `\(text)`")
        }
    }

    private func list(_ words: [String]) -> String {
        words.map { "`\($0)`" }.joined(separator: ", ")
    }
}
