import Testing

@testable import RecNotebook

@Suite struct FrontMatterTests {
    static let notebook = """
        ---
        title: Item CF, short
        data: douban
        params:
          loss: 0.25
        ---
        # Heading

        ```rec
        params name=base loss=0.5
        ```

        ```rec
        fit-stub name=$name loss=$loss
        ```
        """

    @Test func titleDataAndParametersAreRead() throws {
        let document = MarkdownParser.parse(Self.notebook, file: "nb.md")
        let frontMatter = try #require(document.frontMatter)
        #expect(document.frontMatterError == nil)
        #expect(document.title == "Item CF, short", "the front matter's title wins over the heading")
        #expect(frontMatter.data == "douban")
        #expect(frontMatter.dataLine == 3)
        #expect(frontMatter.parameters == [FrontMatter.Parameter(name: "loss", value: "0.25", line: 5)])
        #expect(frontMatter.lineCount == 6)
    }

    @Test func itIsNotProseAndLaterLinesKeepTheirNumbers() {
        let document = MarkdownParser.parse(Self.notebook, file: "nb.md")
        let prose = document.blocks.compactMap { block -> String? in
            if case .prose(let prose) = block { return prose.html + prose.markdown }
            return nil
        }
        #expect(prose.count == 1, "only the heading is prose")
        #expect(!prose.joined().contains("douban"))
        // The cells' fences sit on lines 9 and 13 of the file, front matter included.
        #expect(document.cells.map(\.line) == [9, 13])
    }

    @Test func anErrorInACellBelowNamesItsLineInTheFile() {
        let run = RunnerFixtures.run(Self.notebook.replacingOccurrences(of: "loss=$loss", with: "loss=$los"))
        #expect(run.firstError?.location == SourceLocation(file: "test.md", line: 14))
    }

    /// Declared default < front matter < -p.
    @Test func frontMatterDefaultsSitBetweenTheDeclarationAndTheCommandLine() {
        let fromFrontMatter = RunnerFixtures.run(Self.notebook)
        #expect(fromFrontMatter.succeeded, "\(String(describing: fromFrontMatter.firstError))")
        #expect(fromFrontMatter.provenance.parameters == ["name": "base", "loss": "0.25"])
        guard case .table(let table) = fromFrontMatter.cells[0].results.first else {
            Issue.record("params shows a table")
            return
        }
        #expect(table.rows[1] == [.text("loss"), .text("0.25"), .text("0.25")])

        let fromCommandLine = RunnerFixtures.run(Self.notebook, parameters: ["loss": "0.125"])
        #expect(fromCommandLine.provenance.parameters == ["name": "base", "loss": "0.125"])
    }

    @Test(arguments: [
        ("---\ndata: [a\n---\n# T\n", "nb.md:3: front matter: not valid YAML"),
        (
            "---\ndata: douban\ndta: x\n---\n",
            "nb.md:3: front matter: unknown key `dta` in the front matter. Did you mean `data`?"
        ),
        ("---\nparams:\n  Epochs: 3\n---\n", "nb.md:3: front matter: parameter name `Epochs` is not usable as `$Epochs`"),
        ("---\ntitle:\n---\n", "nb.md:2: front matter: title needs a value"),
    ])
    func aBadBlockIsAnErrorAtItsLine(text: String, expected: String) {
        let document = MarkdownParser.parse(text, file: "nb.md")
        let message = document.frontMatterError?.description ?? "no error"
        #expect(message.hasPrefix(expected), "\(message)")
        #expect(throws: NotebookError.self) { try ParameterDeclarations.checkFrontMatter(document) }
    }

    @Test func aParameterNoParamsDirectiveDeclaresIsRefusedAtItsLine() {
        let document = MarkdownParser.parse(
            Self.notebook.replacingOccurrences(of: "  loss: 0.25", with: "  los: 0.25"), file: "nb.md")
        #expect(
            throws: NotebookError(
                SourceLocation(file: "nb.md", line: 5),
                "front matter: params sets `los`, which no `params` directive declares. Did you mean `loss`? Declared: name, loss."
            )
        ) {
            try ParameterDeclarations.checkFrontMatter(document)
        }
    }

    @Test func aRuleWithoutAClosingLineIsMarkdown() {
        let document = MarkdownParser.parse("---\n\n# Title\n", file: "nb.md")
        #expect(document.frontMatter == nil)
        #expect(document.frontMatterError == nil)
        #expect(document.title == "Title")
    }
}
