import Foundation

/// The directive grammar:
///
///     line      := verb (WS word)* [WS] [comment]
///     word      := subject | key "=" value
///     value     := bare | "\"" (char | "\\\"" | "\\\\")* "\"" | "'" char* "'"
///     comment   := "#" anything          (only where a word could start)
///
/// Keys are lower-case words with dashes (`min-periods`); subjects and bare values are any run
/// of non-space characters. Errors carry the notebook line.
public enum DirectiveParser {
    /// Parses one cell's code; `firstLine` is the notebook line of the code's first line.
    public static func parseCell(_ code: String, file: String, firstLine: Int) throws(NotebookError) -> [Directive] {
        var directives: [Directive] = []
        for (offset, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let location = SourceLocation(file: file, line: firstLine + offset)
            if let directive = try parseLine(String(line), at: location) {
                directives.append(directive)
            }
        }
        return directives
    }

    /// Parses one line; `nil` for a blank or comment-only line.
    public static func parseLine(_ line: String, at location: SourceLocation) throws(NotebookError) -> Directive? {
        let words = try tokenize(line, at: location)
        guard let first = words.first else { return nil }
        guard first.key == nil, !first.quoted else {
            throw NotebookError(location, "a directive starts with a verb such as `load` or `head`, not \"\(first.raw)\"")
        }
        var subjects: [String] = []
        var options: [Directive.Option] = []
        for word in words.dropFirst() {
            if let key = word.key {
                if options.contains(where: { $0.key == key }) {
                    throw NotebookError(location, "`\(key)` is given twice")
                }
                options.append(.init(key: key, value: word.value))
            } else {
                subjects.append(word.value)
            }
        }
        return Directive(
            verb: first.value, subjects: subjects, options: options, location: location,
            text: line.trimmingCharacters(in: .whitespaces))
    }

    struct Word {
        var key: String?
        var value: String
        var quoted: Bool
        var raw: String
    }

    /// Splits a line into words, honouring quotes and comments.
    static func tokenize(_ line: String, at location: SourceLocation) throws(NotebookError) -> [Word] {
        var words: [Word] = []
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            if characters[index].isWhitespace {
                index += 1
                continue
            }
            if characters[index] == "#" { break }
            let start = index
            var key: String?
            var value = ""
            var quoted = false
            while index < characters.count && !characters[index].isWhitespace {
                let character = characters[index]
                if character == "=" && key == nil && !quoted && !value.isEmpty && isKey(value) {
                    key = value
                    value = ""
                    index += 1
                } else if (character == "\"" || character == "'") && value.isEmpty && !quoted {
                    let (text, next) = try readQuoted(characters, from: index, at: location)
                    value = text
                    quoted = true
                    index = next
                    if index < characters.count && !characters[index].isWhitespace && characters[index] != "#" {
                        throw NotebookError(
                            location,
                            "put a space after the closing quote of \(characters[start..<index].map(String.init).joined())")
                    }
                } else {
                    value.append(character)
                    index += 1
                }
            }
            let raw = characters[start..<index].map(String.init).joined()
            if key != nil && value.isEmpty && !quoted {
                throw NotebookError(location, "`\(raw)` has no value; write \(raw)VALUE, or \(raw)\"\" for an empty one")
            }
            words.append(Word(key: key, value: value, quoted: quoted, raw: raw))
        }
        return words
    }

    private static func isKey(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    private static func readQuoted(_ characters: [Character], from start: Int, at location: SourceLocation) throws(NotebookError)
        -> (String, Int)
    {
        let quote = characters[start]
        var text = ""
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == quote { return (text, index + 1) }
            if character == "\\" && quote == "\"" && index + 1 < characters.count
                && (characters[index + 1] == "\"" || characters[index + 1] == "\\")
            {
                text.append(characters[index + 1])
                index += 2
                continue
            }
            text.append(character)
            index += 1
        }
        throw NotebookError(location, "a quote (\(quote)) is not closed")
    }
}
