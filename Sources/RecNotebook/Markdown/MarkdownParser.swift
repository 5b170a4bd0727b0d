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
        // cmark knows no maths and would read the `_` in `r_{ui}` as emphasis: formulas leave the
        // prose before it reads it, and come back as MathML into the parsed tree.
        let maths = MathsExtractor.extract(from: markdown, codeLines: codeLines(of: markdown, options))
        let typeset = maths.spans.map { MathsTypesetter.html($0, file: file) }
        let warnings = typeset.compactMap(\.warning)
        let document: OpaquePointer? = maths.text.withCString { cmark_parse_document($0, strlen($0), options) }
        guard let document else {
            return NotebookDocument(
                file: file, title: frontMatter?.title, blocks: [], warnings: warnings, frontMatter: frontMatter,
                frontMatterError: frontMatterError)
        }
        defer { cmark_node_free(document) }

        var blocks: [NotebookBlock] = []
        var anchors = AnchorNames()
        var title: String?
        var cellNumber = 0
        var node = cmark_node_first_child(document)
        while let current = node {
            node = cmark_node_next(current)
            let startLine = maths.originalLines(of: Int(cmark_node_get_start_line(current))).lowerBound
            let endLine = maths.originalLines(of: Int(cmark_node_get_end_line(current))).upperBound
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
            // A heading's text (for the title and the anchor) keeps its formulas' TeX; the contents
            // show them typeset.
            let words = plainText(current)
            let headingText = maths.replacingPlaceholders(in: words) { $0.tex }
            let headingHTML = maths.segments(of: words).map { segment in
                switch segment {
                case .text(let text): return HTMLText.escape(text)
                case .maths(let index): return typeset[index].html
                }
            }.joined()
            insertMaths(into: current, maths, typeset.map(\.html))
            var html = render(current, options)
            var heading: Heading?
            if cmark_node_get_type(current) == CMARK_NODE_HEADING {
                let level = Int(cmark_node_get_heading_level(current))
                let text = headingText
                let anchor = anchors.make(for: text)
                heading = Heading(
                    level: level, text: text, anchor: anchor, mathsHTML: maths.hasPlaceholder(words) ? headingHTML : nil)
                html = html.replacingOccurrences(
                    of: "<h\(level)>", with: "<h\(level) id=\"\(HTMLText.escape(anchor))\">", options: .anchored)
                if level == 1 && title == nil { title = text }
            }
            blocks.append(.prose(ProseBlock(html: html, markdown: markdown, heading: heading)))
        }
        return NotebookDocument(
            file: file, title: frontMatter?.title ?? title, blocks: blocks, warnings: warnings, frontMatter: frontMatter,
            frontMatterError: frontMatterError)
    }

    /// The lines (1-based, inclusive) of every code block and raw HTML block: where dollars are
    /// never maths.
    private static func codeLines(of text: String, _ options: Int32) -> [ClosedRange<Int>] {
        let document: OpaquePointer? = text.withCString { cmark_parse_document($0, strlen($0), options) }
        guard let document else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var lines: [ClosedRange<Int>] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { continue }
            let start = Int(cmark_node_get_start_line(node))
            lines.append(start...max(start, Int(cmark_node_get_end_line(node))))
        }
        return lines
    }

    /// Puts each formula's HTML where its placeholder is in `block`'s text. In an image's alt
    /// text, a link's address or title and raw HTML, where markup cannot go, the formula is put
    /// back as written.
    private static func insertMaths(into block: OpaquePointer, _ maths: ExtractedMaths, _ html: [String]) {
        guard !maths.spans.isEmpty else { return }
        var texts: [OpaquePointer] = []
        var others: [OpaquePointer] = []
        if let iterator = cmark_iter_new(block) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
                    if maths.hasPlaceholder(url + title) { others.append(node) }
                } else if maths.hasPlaceholder(literal(node)) {
                    if type == CMARK_NODE_TEXT && !isInsideImage(node) { texts.append(node) } else { others.append(node) }
                }
            }
        }
        let asWritten = { (text: String) in maths.replacingPlaceholders(in: text) { $0.source } }
        for node in others {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
                _ = cmark_node_set_url(node, asWritten(url))
                _ = cmark_node_set_title(node, asWritten(title))
            default:
                _ = cmark_node_set_literal(node, asWritten(literal(node)))
            }
        }
        for node in texts {
            for segment in maths.segments(of: literal(node)) {
                let piece: OpaquePointer?
                switch segment {
                case .text(let text):
                    piece = cmark_node_new(CMARK_NODE_TEXT)
                    _ = cmark_node_set_literal(piece, text)
                case .maths(let index):
                    piece = cmark_node_new(CMARK_NODE_HTML_INLINE)
                    _ = cmark_node_set_literal(piece, html[index])
                }
                if let piece, cmark_node_insert_before(node, piece) == 0 { cmark_node_free(piece) }
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private static func isInsideImage(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
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
