import Testing

@testable import RecNotebook

@Suite struct DirectiveParserTests {
    private let here = SourceLocation(file: "nb.md", line: 7)

    private func parse(_ line: String) throws -> Directive? {
        try DirectiveParser.parseLine(line, at: here)
    }

    private func failure(_ line: String) -> String? {
        do {
            _ = try parse(line)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func verbSubjectsAndOptions() throws {
        let directive = try #require(try parse("head ratings n=5   # the first rows"))
        #expect(directive.verb == "head")
        #expect(directive.subjects == ["ratings"])
        #expect(directive.options == [.init(key: "n", value: "5")])
        #expect(directive.location == here)
    }

    @Test func quotedValuesKeepSpacesHashesAndEscapes() throws {
        let directive = try #require(try parse(#"similar title="小王子 # 2" note='single quoted' path="a\"b\\c""#))
        #expect(directive.options.map(\.value) == ["小王子 # 2", "single quoted", #"a"b\c"#])
        #expect(directive.subjects.isEmpty)
    }

    @Test func blankAndCommentLinesAreNotDirectives() throws {
        #expect(try parse("") == nil)
        #expect(try parse("   # only a comment") == nil)
    }

    @Test func cellLinesCarryNotebookLineNumbers() throws {
        let directives = try DirectiveParser.parseCell(
            "load ratings=a.csv\n\n# note\nstats ratings\n", file: "nb.md", firstLine: 10)
        #expect(directives.map(\.location.line) == [10, 13])
    }

    @Test func grammarErrorsNameTheLine() {
        #expect(failure(#"load ratings="a.csv"#) == "nb.md:7: a quote (\") is not closed")
        #expect(failure("head ratings n=5 n=6") == "nb.md:7: `n` is given twice")
        #expect(failure("head n=") == "nb.md:7: `n=` has no value; write n=VALUE, or n=\"\" for an empty one")
        #expect(failure("n=5") == "nb.md:7: a directive starts with a verb such as `load` or `head`, not \"n=5\"")
        #expect(failure(#"load ratings="a"b"#) == #"nb.md:7: put a space after the closing quote of ratings="a""#)
    }
}
