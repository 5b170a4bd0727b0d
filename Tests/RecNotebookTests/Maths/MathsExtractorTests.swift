import Testing

@testable import RecNotebook

/// Which dollars open maths (Pandoc's rules), and how placeholders keep line numbers right.
@Suite struct MathsExtractorTests {
    /// The formulas in one line of prose, as written.
    private func formulas(_ text: String) -> [String] {
        MathsExtractor.extract(from: text, codeLines: []).spans.map(\.source)
    }

    @Test func inlineAndDisplayMaths() {
        #expect(formulas("a $x_1$ and $y_2$.") == ["$x_1$", "$y_2$"])
        #expect(formulas("so $$a_b$$ holds") == ["$$a_b$$"])
        #expect(formulas("($x$)") == ["$x$"])
    }

    @Test func dollarsThatAreNotMathsStayText() {
        #expect(formulas("costs $5 and $10 today").isEmpty)
        #expect(formulas("from $5 to $6").isEmpty)
        #expect(formulas("a $ x$ b").isEmpty, "an opening dollar followed by a space")
        #expect(formulas("a $x $ b").isEmpty, "a closing dollar after a space")
        #expect(formulas("$x$5").isEmpty, "a closing dollar followed by a digit")
        #expect(formulas("\\$x$ and y").isEmpty, "an escaped dollar")
        #expect(formulas("a lone $ sign").isEmpty)
        #expect(formulas("$$ $$").isEmpty, "empty displayed maths")
        #expect(formulas("$x$ costs $5") == ["$x$"])
        // Pandoc's rules, quirk included: a closing dollar may come several words later.
        #expect(formulas("from $5 to $x$") == ["$5 to $x$"])
        #expect(formulas("$a \\$ b$") == ["$a \\$ b$"], "an escaped dollar inside maths")
    }

    /// Many dollars that close nothing: each is looked at once (this took minutes when every
    /// opening dollar searched the rest of the text).
    @Test func manyLoneDollarsAreText() {
        #expect(formulas(String(repeating: "$a ", count: 200_000)).count == 0)
        #expect(formulas("$$a " + String(repeating: "\\$$ ", count: 200_000)).count == 0)
        #expect(formulas("$ x$ then $y$") == ["$y$"], "an opening dollar that opens nothing stops no later one")
    }

    @Test func codeSpansKeepTheirDollars() {
        #expect(formulas("run `echo $HOME$` then").isEmpty)
        #expect(formulas("``a ` $x$ ``").isEmpty)
        #expect(formulas("`code` and $x$") == ["$x$"])
        #expect(formulas("\\`$x$") == ["$x$"], "an escaped backtick opens no code span")
    }

    @Test func codeBlocksAreNotSearched() {
        let text = "$a$\n\n    $b$\n\n$c$"
        let extracted = MathsExtractor.extract(from: text, codeLines: [3...3])
        #expect(extracted.spans.map(\.source) == ["$a$", "$c$"])
        #expect(extracted.text == "\(extracted.placeholder(0))\n\n    $b$\n\n\(extracted.placeholder(1))")
    }

    @Test func aFormulaOverSeveralLinesMapsBackToTheNotebooksLines() {
        let text = "Intro\n\nRule:\n$$\n\\hat r = \\mu\n$$\nafter $x$\n\nend"
        let extracted = MathsExtractor.extract(from: text, codeLines: [])
        #expect(extracted.spans.map(\.line) == [4, 7])
        #expect(extracted.spans[0].tex == "\n\\hat r = \\mu\n")
        #expect(extracted.spans[0].display)
        #expect(extracted.text.split(separator: "\n", omittingEmptySubsequences: false).count == 7)
        #expect(extracted.originalLines(of: 4) == 4...6)
        #expect(extracted.originalLines(of: 5) == 7...7)
        #expect(extracted.originalLines(of: 7) == 9...9)
        #expect(extracted.originalLines(of: 9) == 11...11, "past the end, shifted like the last line")
    }

    @Test func aFormulaNeverCrossesABlankLineOrCode() {
        #expect(formulas("a $x\n\ny$ b").isEmpty)
        #expect(MathsExtractor.extract(from: "$$a\n```\n$$\n```\n$$", codeLines: [2...4]).spans.isEmpty)
    }

    @Test func placeholdersAvoidCharactersTheNotebookUses() {
        let extracted = MathsExtractor.extract(from: "\u{E000} $x$", codeLines: [])
        #expect(extracted.open != "\u{E000}" && extracted.close != "\u{E000}")
        #expect(extracted.segments(of: extracted.text) == [.text("\u{E000} "), .maths(0)])
    }
}
