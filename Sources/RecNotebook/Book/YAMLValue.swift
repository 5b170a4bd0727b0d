import Yams

/// One node of a YAML document, read through Yams' node API so that every value keeps its line
/// (decoding to plain dictionaries would lose it): the book file and notebooks' front matter
/// name the line of whatever is wrong. Only the shapes those two files use are offered.
struct YAMLValue {
    let node: Node
    /// What to add to Yams' 1-based line to get the line in the file (front matter starts on
    /// line 2 of its notebook).
    let lineOffset: Int

    /// The node's line in the file.
    var line: Int { (node.mark?.line ?? 1) + lineOffset }

    /// The document in `text`, or `nil` when it holds no document (empty, or comments only).
    static func parse(_ text: String, lineOffset: Int = 0) throws(YAMLProblem) -> YAMLValue? {
        do {
            return try Yams.compose(yaml: text).map { YAMLValue(node: $0, lineOffset: lineOffset) }
        } catch let error as YamlError {
            throw problem(error, lineOffset: lineOffset)
        } catch {
            throw YAMLProblem(line: lineOffset + 1, message: "not valid YAML (\(error))")
        }
    }

    /// A mapping's entries in file order. Keys must be plain text, appear once and, when `known`
    /// is given, be one of those (a misspelt key would otherwise be ignored silently).
    func entries(of what: String, known: [String]? = nil) throws(YAMLProblem) -> [(key: String, value: YAMLValue)] {
        guard let mapping = node.mapping else {
            throw YAMLProblem(line: line, message: "\(what) must be a mapping of `key: value` lines")
        }
        var seen: Set<String> = []
        var entries: [(key: String, value: YAMLValue)] = []
        for (key, value) in mapping {
            let keyValue = YAMLValue(node: key, lineOffset: lineOffset)
            guard let name = key.scalar?.string else {
                throw YAMLProblem(line: keyValue.line, message: "a key in \(what) must be plain text")
            }
            if let known, !known.contains(name) {
                let hint = Suggestions.closest(to: name, in: known).map { " Did you mean `\($0)`?" } ?? ""
                throw YAMLProblem(
                    line: keyValue.line,
                    message: "unknown key `\(name)` in \(what).\(hint) Keys: \(known.joined(separator: ", ")).")
            }
            guard seen.insert(name).inserted else {
                throw YAMLProblem(line: keyValue.line, message: "`\(name)` is given twice in \(what); give it once")
            }
            entries.append((name, YAMLValue(node: value, lineOffset: lineOffset)))
        }
        return entries
    }

    /// A sequence's items; a single value counts as a sequence of one.
    func items() -> [YAMLValue] {
        guard let sequence = node.sequence else { return [self] }
        return sequence.map { YAMLValue(node: $0, lineOffset: lineOffset) }
    }

    /// A non-empty scalar's text, as written (`0.20` stays `0.20`).
    func text(_ what: String) throws(YAMLProblem) -> String {
        guard let scalar = node.scalar else {
            throw YAMLProblem(line: line, message: "\(what) must be a single value, not a list or a mapping")
        }
        guard !scalar.string.isEmpty else { throw YAMLProblem(line: line, message: "\(what) needs a value") }
        return scalar.string
    }

    /// `true` or `false`, nothing else (YAML 1.1's `yes` and `on` are refused as unclear).
    func bool(_ what: String) throws(YAMLProblem) -> Bool {
        switch try text(what) {
        case "true": return true
        case "false": return false
        case let other: throw YAMLProblem(line: line, message: "\(what) must be true or false, not `\(other)`")
        }
    }

    /// Yams' error, at its line in the file, without the snippet Yams appends.
    private static func problem(_ error: YamlError, lineOffset: Int) -> YAMLProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line + lineOffset))" } ?? ""
            return YAMLProblem(line: mark.line + lineOffset, message: "not valid YAML: \(problem)\(while_)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "`\($0)`" }.joined(separator: ", ")
            return YAMLProblem(
                line: context.mark.line + lineOffset,
                message: "\(keys) is given twice in the mapping that starts on this line; give each key once")
        default:
            return YAMLProblem(line: lineOffset + 1, message: "not valid YAML: \(error)")
        }
    }
}
