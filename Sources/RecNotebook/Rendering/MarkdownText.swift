/// Escaping for what recbook writes into Markdown from data: table cells, captions, notes.
enum MarkdownText {
    /// Backslash-escapes the ASCII punctuation that CommonMark or GitHub would read as markup
    /// (emphasis, links, raw HTML, table pipes, entities), and flattens line breaks.
    static func escapeInline(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~", "&", "$":
                escaped.append("\\")
                escaped.append(character)
            case "\n", "\r":
                escaped.append(" ")
            default:
                escaped.append(character)
            }
        }
        return escaped
    }

    /// `text` in a fenced block whose fence is longer than any run of backticks inside it.
    static func fenced(_ text: String, info: String = "text") -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.hasSuffix("\n") ? text : text + "\n"
        return "\(fence)\(info.isEmpty ? "" : info)\n\(body)\(fence)\n"
    }
}
