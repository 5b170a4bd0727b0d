/// A notebook whose formulas have been lifted out of the prose, so that cmark never reads the
/// `_` and `*` inside them as emphasis: each formula is a placeholder (two private-use
/// characters around its number) that cmark passes through as plain text.
struct ExtractedMaths: Sendable {
    /// The notebook with one placeholder per formula; a formula over several lines becomes one
    /// line, so `originalLines(of:)` maps its lines back to the notebook's.
    var text: String
    var spans: [MathsSpan]
    /// For each line of `text` (index 0 is line 1), the notebook lines it came from.
    var origins: [ClosedRange<Int>]
    var open: Unicode.Scalar
    var close: Unicode.Scalar

    /// A piece of text with placeholders in it: plain text, or the number of a formula.
    enum Segment: Sendable, Hashable {
        case text(String)
        case maths(Int)
    }

    func placeholder(_ index: Int) -> String {
        String(open) + String(index) + String(close)
    }

    /// The notebook lines that line `line` of `text` came from (itself when no formula spans
    /// lines); lines past the end (cmark also breaks at a lone carriage return) stay as they are.
    func originalLines(of line: Int) -> ClosedRange<Int> {
        guard line >= 1 else { return line...line }
        guard line > origins.count else { return origins[line - 1] }
        let shift = (origins.last?.upperBound ?? origins.count) - origins.count
        return (line + shift)...(line + shift)
    }

    /// Whether `literal` holds a placeholder.
    func hasPlaceholder(_ literal: String) -> Bool {
        literal.unicodeScalars.contains(open)
    }

    /// `literal` cut at its placeholders.
    func segments(of literal: String) -> [Segment] {
        var segments: [Segment] = []
        var text = String.UnicodeScalarView()
        var scalars = literal.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == open, let end = scalars.firstIndex(of: close),
                let index = Int(String(scalars[scalars.startIndex..<end])), spans.indices.contains(index)
            else {
                text.append(scalar)
                continue
            }
            if !text.isEmpty { segments.append(.text(String(text))) }
            text = String.UnicodeScalarView()
            segments.append(.maths(index))
            scalars = scalars[scalars.index(after: end)...]
        }
        if !text.isEmpty { segments.append(.text(String(text))) }
        return segments
    }

    /// `literal` with each placeholder replaced by `replacement` of its formula.
    func replacingPlaceholders(in literal: String, with replacement: (MathsSpan) -> String) -> String {
        guard hasPlaceholder(literal) else { return literal }
        return segments(of: literal).map { segment in
            switch segment {
            case .text(let text): return text
            case .maths(let index): return replacement(spans[index])
            }
        }.joined()
    }
}
