/// Reads recbook's subset of TeX maths (see docs: letters, digits, operators, scripts, groups,
/// fractions, roots, accents, fonts, text, spaces, `\left`/`\right`, Greek and the symbols in
/// `TeXSymbols`) into a `MathNode` tree. Anything else is an error naming it, never a guess.
struct TeXParser {
    private let characters: [Character]
    private var position = 0
    /// Display maths puts the limits of big operators under and over them.
    private let display: Bool
    /// The face letters are set in; font commands change it for their argument.
    private var font = MathFont.italic
    /// How deep groups and arguments nest now: bounded, so no formula can exhaust the stack.
    private var depth = 0
    private static let maximumDepth = 200

    private init(_ tex: String, display: Bool) {
        characters = Array(tex)
        self.display = display
    }

    static func parse(_ tex: String, display: Bool) throws(TeXError) -> MathNode {
        var parser = TeXParser(tex, display: display)
        return .row(try parser.row(until: .end))
    }

    /// What ends a row of atoms.
    private enum Closer { case end, brace, right, bracket }

    private mutating func row(until closer: Closer) throws(TeXError) -> [MathNode] {
        try enter()
        defer { depth -= 1 }
        var nodes: [MathNode] = []
        while true {
            skipSpaces()
            guard let character = peek() else {
                switch closer {
                case .end: return nodes
                case .brace: throw TeXError("a `{` is never closed by a `}`")
                case .right: throw TeXError("a `\\left` has no `\\right` after it")
                case .bracket: throw TeXError("the `[` after `\\sqrt` is never closed by a `]`")
                }
            }
            if character == "}" {
                guard closer == .brace else { throw TeXError("a `}` closes no `{`") }
                position += 1
                return nodes
            }
            if character == "]" && closer == .bracket {
                position += 1
                return nodes
            }
            if lookingAt(command: "right") {
                guard closer == .right else { throw TeXError("a `\\right` has no `\\left` before it in the same group") }
                return nodes
            }
            if character == "^" || character == "_" || character == "'" {
                // `{}^a` and a formula that starts with a script: an empty base, as TeX allows.
                nodes.append(try scripts(on: .row([]), limits: false))
            } else {
                let (nucleus, limits) = try atom()
                nodes.append(try scripts(on: nucleus, limits: limits))
            }
        }
    }

    /// The sub- and superscripts and primes after `base`, if any.
    private mutating func scripts(on base: MathNode, limits takesLimits: Bool) throws(TeXError) -> MathNode {
        var sub: MathNode?
        var sup: MathNode?
        var primes = 0
        var limits = takesLimits && display
        while true {
            skipSpaces()
            if lookingAt(command: "limits") || lookingAt(command: "nolimits") {
                let nolimits = lookingAt(command: "nolimits")
                skipCommand()
                limits = takesLimits && !nolimits
                continue
            }
            guard let character = peek(), character == "^" || character == "_" || character == "'" else { break }
            position += 1
            switch character {
            case "^":
                guard sup == nil else { throw TeXError("a double superscript: write `x^{ab}` for one superscript") }
                sup = try argument(of: "^")
            case "_":
                guard sub == nil else { throw TeXError("a double subscript: write `x_{ab}` for one subscript") }
                sub = try argument(of: "_")
            default:
                primes += 1
            }
        }
        if primes > 0 {
            let prime = MathNode.symbol(String(repeating: "′", count: primes), .plain)
            sup = sup.map { .row([prime, $0]) } ?? prime
        }
        guard sub != nil || sup != nil else { return base }
        return .scripts(base, sub: sub, sup: sup, limits: limits)
    }

    /// One atom: a letter, a number, a symbol, a `{group}` or a command with its arguments;
    /// `limits` says whether it is a big or named operator that takes limits under and over it.
    private mutating func atom(single: Bool = false) throws(TeXError) -> (node: MathNode, limits: Bool) {
        try enter()
        defer { depth -= 1 }
        let character = characters[position]
        position += 1
        switch character {
        case "{": return (.row(try row(until: .brace)), false)
        case "\\": return try command()
        case "&": throw TeXError("`&` aligns columns, which needs an environment recbook does not typeset")
        case "#": throw TeXError("`#` is a macro parameter; write `\\#` for the sign")
        case "%": throw TeXError("`%` starts a TeX comment; write `\\%` for a percent sign")
        case "~": return (.space(TeXSymbols.spaces[" "]!), false)
        case "-": return (.symbol("−", .plain), false)
        case "*": return (.symbol("∗", .plain), false)
        default:
            if character.isASCII && character.isNumber { return (number(from: character, single: single), false) }
            if character.isLetter { return (font.letter(character), false) }
            if TeXSymbols.delimiterCharacters.contains(character) { return (.symbol(String(character), .delimiter), false) }
            return (.symbol(String(character), .plain), false)
        }
    }

    /// Digits with at most one decimal point followed by a digit; one digit alone as an argument
    /// (`\frac12`), as TeX reads it.
    private mutating func number(from first: Character, single: Bool) -> MathNode {
        var digits = String(first)
        guard !single else { return font.number(digits) }
        var seenPoint = false
        while let next = peek() {
            if next.isASCII && next.isNumber {
                digits.append(next)
            } else if next == ".", !seenPoint, position + 1 < characters.count,
                characters[position + 1].isASCII && characters[position + 1].isNumber
            {
                seenPoint = true
                digits.append(next)
            } else {
                break
            }
            position += 1
        }
        return font.number(digits)
    }

    private mutating func command() throws(TeXError) -> (node: MathNode, limits: Bool) {
        let name = readCommand()
        if name.isEmpty { throw TeXError("a formula cannot end with `\\`") }
        if let letter = TeXSymbols.lowerGreek[name] { return (.identifier(letter, upright: false), false) }
        if let letter = TeXSymbols.upperGreek[name] { return (.identifier(letter, upright: true), false) }
        if let symbol = TeXSymbols.ordinary[name] { return (.identifier(symbol, upright: name != "partial"), false) }
        if let symbol = TeXSymbols.operators[name] { return (.symbol(symbol, .plain), false) }
        if let symbol = TeXSymbols.delimiters[name] { return (.symbol(symbol, .delimiter), false) }
        if let symbol = TeXSymbols.largeOperators[name] { return (.symbol(symbol, .plain), true) }
        if let symbol = TeXSymbols.integrals[name] { return (.symbol(symbol, .plain), false) }
        if let width = TeXSymbols.spaces[name] { return (.space(width), false) }
        if let character = TeXSymbols.escapedCharacters[name] { return (.symbol(character, .plain), false) }
        if TeXSymbols.limitNames.contains(name) { return (.symbol(name, .named), true) }
        if name == "arg" {
            // `\arg\min` and `\arg\max` are one operator whose limits go under both words.
            skipSpaces()
            for word in ["min", "max"] where lookingAt(command: word) {
                skipCommand()
                return (.symbol("arg\u{2009}\(word)", .named), true)
            }
        }
        if TeXSymbols.functionNames.contains(name) { return (.symbol(name, .named), false) }
        if let accent = TeXSymbols.accents[name] {
            return (.accent(try argument(of: "\\" + name), mark: accent.mark, stretchy: accent.stretchy), false)
        }
        if let face = MathFont.commands[name] {
            let saved = font
            font = face
            defer { font = saved }
            return (try argument(of: "\\" + name), false)
        }
        if let size = TeXSymbols.bigSizes[name] {
            guard let delimiter = try delimiter(after: name) else { return (.row([]), false) }
            return (.symbol(delimiter, .sized(size)), false)
        }
        switch name {
        case "frac", "dfrac", "tfrac":
            let numerator = try argument(of: "\\" + name)
            return (.fraction(numerator: numerator, denominator: try argument(of: "\\" + name)), false)
        case "sqrt":
            skipSpaces()
            var index: MathNode?
            if peek() == "[" {
                position += 1
                index = .row(try row(until: .bracket))
            }
            return (.root(try argument(of: "\\sqrt"), index: index), false)
        case "text", "textrm", "mbox", "textnormal":
            return (.text(try textArgument(of: name)), false)
        case "operatorname":
            let starred = peek() == "*"
            if starred { position += 1 }
            let words = try textArgument(of: name).filter { !$0.isWhitespace }
            guard !words.isEmpty else { throw TeXError("`\\operatorname` needs a name, as in `\\operatorname{rank}`") }
            return (.symbol(words, .named), starred)
        case "left":
            let open = try delimiter(after: "left")
            let content = try row(until: .right)
            skipCommand()
            let close = try delimiter(after: "right")
            return (.fenced(open: open, .row(content), close: close), false)
        case "!", "limits", "nolimits":
            // A negative thin space: nothing in MathML Core; stray limit switches change nothing.
            return (.row([]), false)
        case "\\": throw TeXError("line breaks (`\\\\`) need an environment recbook does not typeset")
        case "begin", "end": throw TeXError("environments (`\\\(name){…}`) are not typeset; write one formula per `$$…$$`")
        case "right": throw TeXError("a `\\right` has no `\\left` before it")
        default: throw TeXError("unknown command `\\\(name)`")
        }
    }

    /// The argument of a command or script: a `{group}` or a single atom.
    private mutating func argument(of command: String) throws(TeXError) -> MathNode {
        skipSpaces()
        guard let character = peek(), character != "}", character != "^", character != "_" else {
            throw TeXError("`\(command)` needs an argument, as in `\(command){x}`")
        }
        if character == "{" {
            position += 1
            return .row(try row(until: .brace))
        }
        return try atom(single: true).node
    }

    /// The words in `\text{…}`, as written; `\{`, `\}`, `\$`, `\%`, `\&`, `\#` and `\_` stand
    /// for the sign.
    private mutating func textArgument(of command: String) throws(TeXError) -> String {
        skipSpaces()
        guard peek() == "{" else { throw TeXError("`\\\(command)` needs its words in braces, as in `\\\(command){observed}`") }
        position += 1
        var text = ""
        var depth = 0
        while let character = peek() {
            position += 1
            switch character {
            case "\\":
                guard let escaped = peek(), "{}$%&#_ ".contains(escaped) else {
                    throw TeXError("`\\\(command){…}` holds plain words only; put commands outside it")
                }
                position += 1
                text.append(escaped)
            case "{":
                depth += 1
            case "}":
                if depth == 0 { return text }
                depth -= 1
            default:
                text.append(character)
            }
        }
        throw TeXError("the `{` after `\\\(command)` is never closed by a `}`")
    }

    /// The delimiter after `\left`, `\right` or `\big`: a character such as `(` or `|`, or a
    /// command such as `\lVert`; nil for `.`, which TeX uses for "no delimiter".
    private mutating func delimiter(after command: String) throws(TeXError) -> String? {
        skipSpaces()
        let problem = TeXError("`\\\(command)` needs a delimiter after it, such as `(`, `[`, `|`, `\\{` or `\\lVert`")
        guard let character = peek() else { throw problem }
        position += 1
        if character == "." { return nil }
        if character == "<" { return "⟨" }
        if character == ">" { return "⟩" }
        if TeXSymbols.delimiterCharacters.contains(character) { return String(character) }
        guard character == "\\", let symbol = TeXSymbols.delimiters[readCommand()] else { throw problem }
        return symbol
    }

    /// Skips a command whose backslash is at the position (one `lookingAt(command:)` found).
    private mutating func skipCommand() {
        position += 1
        _ = readCommand()
    }

    /// The name after a backslash already read: a run of letters, or the one character that follows.
    private mutating func readCommand() -> String {
        guard let first = peek() else { return "" }
        position += 1
        guard first.isASCII && first.isLetter else { return String(first) }
        var name = String(first)
        while let next = peek(), next.isASCII && next.isLetter {
            name.append(next)
            position += 1
        }
        return name
    }

    /// Whether the text at the position is the command `\name` (and not a longer one).
    private func lookingAt(command name: String) -> Bool {
        let word = Array("\\" + name)
        guard position + word.count <= characters.count, Array(characters[position..<position + word.count]) == word
        else { return false }
        let after = position + word.count
        return after == characters.count || !(characters[after].isASCII && characters[after].isLetter)
    }

    private mutating func enter() throws(TeXError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw TeXError("groups and arguments nest more than \(Self.maximumDepth / 2) deep")
        }
    }

    private func peek() -> Character? {
        position < characters.count ? characters[position] : nil
    }

    private mutating func skipSpaces() {
        while let character = peek(), character.isWhitespace { position += 1 }
    }
}
