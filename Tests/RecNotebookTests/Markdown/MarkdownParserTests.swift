import Testing

@testable import RecNotebook

@Suite struct MarkdownParserTests {
    /// Regression (fuzzer crash FuzzNotebook-crash-f38a201a): carriage returns make cmark count
    /// more lines than a split at "\n" gives; parsing must not trap.
    @Test func loneCarriageReturnsDoNotCrash() {
        let document = MarkdownParser.parse(
            "# Title\n\ntext \u{E2}\r\r\r\u{88}1 more\r\r```rec\rstats ratings\r```\r\r## End\r", file: "cr.md")
        #expect(document.title == "Title")
        #expect(!document.blocks.isEmpty)
    }

    @Test func cellsAndHeadingsAreFound() {
        let document = MarkdownParser.parse("# T\n\n```rec echo=false\nstats ratings\n```\n\n## Next\n", file: "x.md")
        #expect(document.cells.map(\.line) == [3])
        #expect(document.cells.first?.info == "echo=false")
    }
}
