/// Writes a `MathNode` tree as MathML Core, which Chromium, Firefox and Safari lay out without
/// scripts or fonts of their own. Every text is escaped.
enum MathMLWriter {
    /// The `<math>` element for a formula, with its TeX source kept as an annotation (browsers
    /// show only the first child of `<semantics>`; copying the formula can take the TeX along).
    static func math(_ node: MathNode, tex: String, display: Bool) -> String {
        "<math\(display ? " display=\"block\"" : "")><semantics>\(element(node))"
            + "<annotation encoding=\"application/x-tex\">\(HTMLText.escape(tex))</annotation></semantics></math>"
    }

    /// Exactly one element: the script, fraction and root elements count their children.
    static func element(_ node: MathNode) -> String {
        switch node {
        case .identifier(let name, let upright):
            return "<mi\(upright && italicByDefault(name) ? " mathvariant=\"normal\"" : "")>\(HTMLText.escape(name))</mi>"
        case .number(let digits):
            return "<mn>\(HTMLText.escape(digits))</mn>"
        case .symbol(let symbol, let kind):
            return "<mo\(attributes(kind))>\(HTMLText.escape(symbol))</mo>"
        case .text(let words):
            return "<mtext>\(HTMLText.escape(keepingEdgeSpaces(words)))</mtext>"
        case .space(let width):
            return "<mspace width=\"\(width)\"></mspace>"
        case .row(let children):
            // Empty rows (from `\!`) inside a row write nothing; an empty script stays an element.
            let shown = children.filter { $0 != .row([]) }
            if shown.count == 1 { return element(shown[0]) }
            return "<mrow>" + shown.map(element).joined() + "</mrow>"
        case .fraction(let numerator, let denominator):
            return "<mfrac>\(element(numerator))\(element(denominator))</mfrac>"
        case .root(let radicand, let index):
            // `<msqrt>` rows its children itself.
            guard let index else { return "<msqrt>\(children(radicand))</msqrt>" }
            return "<mroot>\(element(radicand))\(element(index))</mroot>"
        case .accent(let base, let mark, let stretchy):
            return "<mover accent=\"true\">\(element(base))<mo stretchy=\"\(stretchy)\">\(HTMLText.escape(mark))</mo></mover>"
        case .scripts(let base, let sub, let sup, let limits):
            let (under, over, both) = limits ? ("munder", "mover", "munderover") : ("msub", "msup", "msubsup")
            switch (sub, sup) {
            case (let sub?, let sup?): return "<\(both)>\(element(base))\(element(sub))\(element(sup))</\(both)>"
            case (let sub?, nil): return "<\(under)>\(element(base))\(element(sub))</\(under)>"
            case (nil, let sup?): return "<\(over)>\(element(base))\(element(sup))</\(over)>"
            case (nil, nil): return element(base)
            }
        case .fenced(let open, let content, let close):
            let fence = { (symbol: String?) in symbol.map { element(.symbol($0, .fence)) } ?? "" }
            return "<mrow>\(fence(open))\(element(content))\(fence(close))</mrow>"
        }
    }

    /// The elements of a row, or the one element of anything else.
    private static func children(_ node: MathNode) -> String {
        guard case .row(let nodes) = node else { return element(node) }
        return nodes.filter { $0 != .row([]) }.map(element).joined()
    }

    private static func attributes(_ kind: MathOperator) -> String {
        switch kind {
        case .plain: return ""
        case .delimiter: return " stretchy=\"false\""
        case .sized(let size): return " minsize=\"\(size)\" maxsize=\"\(size)\""
        case .fence: return " stretchy=\"true\""
        case .named: return " lspace=\"0\" rspace=\"0.1667em\""
        }
    }

    /// Whether MathML sets this identifier in italics unless told otherwise: a single letter.
    private static func italicByDefault(_ name: String) -> Bool {
        name.count == 1 && (name.first!.isLetter || name == "∂" || name == "∇")
    }

    /// Spaces at the ends of `\text{ observed}` would collapse in HTML; no-break spaces keep them.
    private static func keepingEdgeSpaces(_ words: String) -> String {
        let leading = words.prefix { $0 == " " }.count
        let trailing = words.count == leading ? 0 : words.reversed().prefix { $0 == " " }.count
        let middle = words.dropFirst(leading).dropLast(trailing)
        return String(repeating: "\u{A0}", count: leading) + middle + String(repeating: "\u{A0}", count: trailing)
    }
}
