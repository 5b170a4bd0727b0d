import CCmark
import Foundation

/// The only code that talks to cmark: parses a notebook and renders its prose.
///
/// Prose is rendered with `CMARK_OPT_UNSAFE`, so an author's own raw HTML is kept as in
/// Jupyter; everything recbook itself generates from data is escaped by the renderers.
public enum MarkdownParser {
    public static func parse(_ text: String, file: String) -> NotebookDocument {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8
        var sourceLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var frontMatter: FrontMatter?
        var frontMatterError: NotebookError?
        var markdown = text
        if let count = FrontMatter.blockLength(sourceLines) {
            do {
                frontMatter = try FrontMatter.parse(sourceLines[0..<count], file: file)
            } catch {
                frontMatterError = error
            }
            // Blank lines in its place: no prose, and every later line keeps its number.
            sourceLines.replaceSubrange(0..<count, with: repeatElement(Substring(""), count: count))
            markdown = sourceLines.joined(separator: "\n")
        }
        let document: OpaquePointer? = markdown.withCString { cmark_parse_document($0, strlen($0), options) }
        guard let document else {
            return NotebookDocument(
                file: file, title: frontMatter?.title, blocks: [], frontMatter: frontMatter, frontMatterError: frontMatterError)
        }
        defer { cmark_node_free(document) }

        var blocks: [NotebookBlock] = []
        var anchors = AnchorNames()
        var title: String?
        var cellNumber = 0
        var node = cmark_node_first_child(document)
        while let current = node {
            node = cmark_node_next(current)
            let startLine = Int(cmark_node_get_start_line(current))
            let endLine = Int(cmark_node_get_end_line(current))
            // cmark also counts a lone carriage return as a line break, so its line numbers can run
            // past the lines split at "\n": clamp both ends (found by the FuzzNotebook fuzzer).
            let lower = min(max(0, startLine - 1), sourceLines.count)
            let upper = max(lower, min(sourceLines.count, max(startLine, endLine)))
            let markdown = sourceLines[lower..<upper].joined(separator: "\n")
            if cmark_node_get_type(current) == CMARK_NODE_CODE_BLOCK, let info = cellInfo(current) {
                cellNumber += 1
                blocks.append(
                    .cell(
                        CellSource(
                            number: cellNumber, line: startLine, info: info, code: literal(current))))
                continue
            }
            var html = render(current, options)
            var heading: Heading?
            if cmark_node_get_type(current) == CMARK_NODE_HEADING {
                let level = Int(cmark_node_get_heading_level(current))
                let text = plainText(current)
                let anchor = anchors.make(for: text)
                heading = Heading(level: level, text: text, anchor: anchor)
                html = html.replacingOccurrences(
                    of: "<h\(level)>", with: "<h\(level) id=\"\(HTMLText.escape(anchor))\">", options: .anchored)
                if level == 1 && title == nil { title = text }
            }
            blocks.append(.prose(ProseBlock(html: html, markdown: markdown, heading: heading)))
        }
        return NotebookDocument(
            file: file, title: frontMatter?.title ?? title, blocks: blocks, frontMatter: frontMatter,
            frontMatterError: frontMatterError)
    }

    /// The text after `rec` when the block's info string is `rec` or starts with `rec `.
    private static func cellInfo(_ node: OpaquePointer) -> String? {
        guard let raw = cmark_node_get_fence_info(node) else { return nil }
        let info = String(cString: raw).trimmingCharacters(in: .whitespaces)
        guard info == "rec" || info.hasPrefix("rec ") else { return nil }
        return String(info.dropFirst(3)).trimmingCharacters(in: .whitespaces)
    }

    private static func render(_ node: OpaquePointer, _ options: Int32) -> String {
        guard let html = cmark_render_html(node, options) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// A node's literal text, empty when it has none.
    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// The text of a heading, without its inline markup.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += literal(child)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
