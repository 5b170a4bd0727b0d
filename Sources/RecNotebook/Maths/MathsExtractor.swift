/// Finds the formulas in a notebook's prose with Pandoc's rules for `$`, and swaps each for a
/// placeholder (see `ExtractedMaths`).
///
/// Code blocks and raw HTML blocks (the caller knows them from cmark) keep their dollars, and so
/// do code spans. `\$` is a dollar. `$$` opens displayed maths that ends at the next `$$`. A
/// single `$` opens inline maths only when a non-space follows it, and closes it only when a
/// non-space precedes it and no digit follows, so "costs $5 and $10" stays text. A formula never
/// crosses a blank line or a code block; it may cross lines that cmark alone would read as a list
/// item (`+ \lambda …` in displayed maths), since the placeholder replaces all its lines.
enum MathsExtractor {
    /// `codeLines`: the notebook lines (1-based) of each code block and raw HTML block.
    static func extract(from text: String, codeLines: [ClosedRange<Int>]) -> ExtractedMaths {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let (open, close) = sentinels(notIn: text)
        var extracted = ExtractedMaths(text: "", spans: [], origins: [], open: open, close: close)
        var output: [String] = []
        var isCode = Array(repeating: false, count: lines.count + 1)
        for range in codeLines where range.upperBound >= 1 && range.lowerBound <= lines.count {
            for line in max(1, range.lowerBound)...min(lines.count, range.upperBound) { isCode[line] = true }
        }
        var line = 1
        while line <= lines.count {
            let isProse = { (line: Int) in !isCode[line] && lines[line - 1].unicodeScalars.contains { !isSpace($0) } }
            guard isProse(line) else {
                output.append(lines[line - 1])
                extracted.origins.append(line...line)
                line += 1
                continue
            }
            var last = line
            while last < lines.count && isProse(last + 1) { last += 1 }
            replace(lines[(line - 1)...(last - 1)], from: line, into: &extracted, &output)
            line = last + 1
        }
        extracted.text = output.joined(separator: "\n")
        return extracted
    }

    /// Appends a run of prose lines, its formulas swapped for placeholders.
    private static func replace(
        _ blockLines: ArraySlice<String>, from firstLine: Int, into extracted: inout ExtractedMaths, _ output: inout [String]
    ) {
        let scalars = Array(blockLines.joined(separator: "\n").unicodeScalars)
        var line = firstLine
        var lineStart = firstLine
        var current = String.UnicodeScalarView()
        var cursor = 0
        func copy(upTo end: Int) {
            for scalar in scalars[cursor..<end] {
                if scalar == "\n" {
                    output.append(String(current))
                    extracted.origins.append(lineStart...line)
                    line += 1
                    lineStart = line
                    current = String.UnicodeScalarView()
                } else {
                    current.append(scalar)
                }
            }
            cursor = end
        }
        for (range, display) in formulas(in: scalars) {
            copy(upTo: range.lowerBound)
            let source = String(String.UnicodeScalarView(scalars[range]))
            let dollars = display ? 2 : 1
            let tex = String(String.UnicodeScalarView(scalars[(range.lowerBound + dollars)..<(range.upperBound - dollars)]))
            extracted.spans.append(MathsSpan(source: source, tex: tex, display: display, line: line))
            current.append(contentsOf: extracted.placeholder(extracted.spans.count - 1).unicodeScalars)
            line += scalars[range].filter { $0 == "\n" }.count
            cursor = range.upperBound
        }
        copy(upTo: scalars.count)
        output.append(String(current))
        extracted.origins.append(lineStart...line)
    }

    /// The formulas in one block's text: their ranges, dollars included, and whether displayed.
    static func formulas(in text: [Unicode.Scalar]) -> [(range: Range<Int>, display: Bool)] {
        var found: [(Range<Int>, Bool)] = []
        // A closing dollar that suits one opening dollar suits any earlier one too: once a search
        // finds none, later ones cannot either, and skipping them keeps the scan linear.
        var inlineCanClose = true
        var displayCanClose = true
        var index = 0
        while index < text.count {
            switch text[index] {
            case "\\":
                index += 2
            case "`":
                let run = runLength(of: "`", in: text, at: index)
                index = codeSpanEnd(in: text, after: index + run, run: run) ?? index + run
            case "$" where index + 1 < text.count && text[index + 1] == "$":
                if displayCanClose, let end = displayEnd(in: text, from: index + 2) {
                    found.append((index..<end, true))
                    index = end
                } else {
                    displayCanClose = false
                    index += 2
                }
            case "$":
                if inlineCanClose, let end = inlineEnd(in: text, from: index + 1) {
                    found.append((index..<end, false))
                    index = end
                } else {
                    inlineCanClose = inlineCanClose && !opensInline(text, index + 1)
                    index += 1
                }
            default:
                index += 1
            }
        }
        return found
    }

    /// Just past the `$$` that closes displayed maths; nil when none does or nothing is inside.
    private static func displayEnd(in text: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + 1 < text.count {
            if text[index] == "\\" {
                index += 2
            } else if text[index] == "$" && text[index + 1] == "$" {
                return text[start..<index].contains(where: { !isSpace($0) }) ? index + 2 : nil
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Whether a `$` before `start` may open inline maths: a non-space follows it.
    private static func opensInline(_ text: [Unicode.Scalar], _ start: Int) -> Bool {
        start < text.count && !isSpace(text[start]) && text[start] != "$"
    }

    /// Just past the `$` that closes inline maths opened before `start`, by Pandoc's rules.
    private static func inlineEnd(in text: [Unicode.Scalar], from start: Int) -> Int? {
        guard opensInline(text, start) else { return nil }
        var index = start
        while index < text.count {
            if text[index] == "\\" {
                index += 2
                continue
            }
            if text[index] == "$", index > start, !isSpace(text[index - 1]),
                index + 1 == text.count || !("0"..."9").contains(text[index + 1])
            {
                return index + 1
            }
            index += 1
        }
        return nil
    }

    /// Just past the run of exactly `run` backticks that closes a code span, as CommonMark reads it.
    private static func codeSpanEnd(in text: [Unicode.Scalar], after start: Int, run: Int) -> Int? {
        var index = start
        while index < text.count {
            guard text[index] == "`" else {
                index += 1
                continue
            }
            let length = runLength(of: "`", in: text, at: index)
            if length == run { return index + length }
            index += length
        }
        return nil
    }

    private static func runLength(of scalar: Unicode.Scalar, in text: [Unicode.Scalar], at start: Int) -> Int {
        var end = start
        while end < text.count && text[end] == scalar { end += 1 }
        return end - start
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    /// Two private-use characters the notebook does not contain, to mark placeholders with.
    private static func sentinels(notIn text: String) -> (Unicode.Scalar, Unicode.Scalar) {
        let used = Set(text.unicodeScalars.filter { (0xE000...0xF8FF).contains($0.value) })
        let free = (0xE000...0xF8FF).lazy.compactMap(Unicode.Scalar.init).filter { !used.contains($0) }
        var iterator = free.makeIterator()
        // A notebook cannot use all 6,400 private-use characters and leave room for prose.
        return (iterator.next() ?? "\u{E000}", iterator.next() ?? "\u{E001}")
    }
}
