import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// Formulas in a notebook's prose: MathML on the page, TeX in the Markdown twin, code and a
/// warning when they cannot be typeset.
@Suite struct MathsInProseTests {
    private func prose(_ text: String) -> String {
        MarkdownParser.parse(text, file: "maths.md").blocks.map { block in
            if case .prose(let prose) = block { return prose.html }
            return ""
        }.joined()
    }

    @Test func underscoresAndStarsInFormulasAreNotEmphasis() {
        let html = prose("The rule $a_b + c_d$ and $x*y*z$ hold.\n")
        #expect(!html.contains("<em>"))
        #expect(html.contains("<math><semantics><mrow><msub><mi>a</mi><mi>b</mi></msub>"))
        #expect(html.contains("<mo>∗</mo>"))
        #expect(!html.contains("$"))
    }

    @Test func displayMathsIsABlockAndCodeKeepsItsDollars() {
        let html = prose(
            "Rule:\n\n$$\n\\hat{r}_{ui} = \\mu + b_u\n$$\n\nIn code: `$x$`.\n\n    $y$ indented\n\n```sh\necho $z$\n```\n")
        #expect(html.contains("<p><math display=\"block\"><semantics>"))
        #expect(html.contains("<code>$x$</code>"))
        #expect(html.contains("<pre><code>$y$ indented"))
        #expect(html.contains("echo $z$"))
    }

    @Test func aLoneDollarStaysText() {
        #expect(prose("It costs $5, or \\$6 and $7.\n") == "<p>It costs $5, or $6 and $7.</p>\n")
    }

    @Test func formulasInsideEmphasisLinksAndAltText() {
        let html = prose("*weight $w_i$* and [the $x$ link](https://e.org/$a$) and ![plot of $y$](p.png)\n")
        #expect(html.contains("<em>weight <math><semantics><msub><mi>w</mi><mi>i</mi></msub>"))
        #expect(html.contains("href=\"https://e.org/$a$\""))
        #expect(html.contains("alt=\"plot of $y$\""))
    }

    @Test func aFormulaThatCannotBeTypesetIsShownAsCodeWithAWarning() {
        let document = MarkdownParser.parse("# T\n\nFine $x$.\n\nBroken $\\foo{a_b}$ here.\n", file: "maths.md")
        let html = document.blocks.map { block in
            if case .prose(let prose) = block { return prose.html }
            return ""
        }.joined()
        #expect(
            html.contains(
                "<code class=\"maths-error\" title=\"unknown command `\\foo`\">$\\foo{a_b}$</code>"))
        #expect(
            document.warnings.map(\.description) == [
                "maths.md:5: warning: the formula $\\foo{a_b}$ cannot be typeset (unknown command `\\foo`); "
                    + "the page shows its TeX source as code"
            ])
        #expect(!html.contains("<em>"))
    }

    @Test func cellLinesStayRightAfterAFormulaOverSeveralLines() {
        let document = MarkdownParser.parse("# T\n\n$$\na\n+ b\n$$\n\n```rec\nstats ratings\n```\n", file: "x.md")
        #expect(document.cells.map(\.line) == [8])
        guard case .prose(let display) = document.blocks[1] else {
            Issue.record("the formula's paragraph is prose")
            return
        }
        #expect(display.markdown == "$$\na\n+ b\n$$")
    }

    @Test func headingsKeepTheirFormulasTeXInTheContents() {
        let document = MarkdownParser.parse("# Loss with $\\lambda$\n", file: "x.md")
        #expect(document.title == "Loss with \\lambda")
        guard case .prose(let heading) = document.blocks[0] else { return }
        #expect(heading.html.hasPrefix("<h1 id=\"loss-with-lambda\">Loss with <math><semantics><mi>λ</mi>"))
        #expect(heading.heading?.mathsHTML?.hasPrefix("Loss with <math><semantics><mi>λ</mi>") == true)
        #expect(
            MarkdownParser.parse("# Plain & simple\n", file: "x.md").blocks.first.map { block in
                if case .prose(let prose) = block { return prose.heading?.mathsHTML == nil }
                return false
            } == true)
    }

    /// The whole report: MathML on the page, no stray dollar, TeX in the Markdown page, and the
    /// warning in the outcome.
    @Test func aRenderedReportTypesetsItsFormulas() throws {
        let fixture = try NotebookFixture(
            cells:
                "## Formulas with $\\lambda$\n\nThe prediction $\\hat{r}_{ui} = \\mu + b_u + b_i + p_u^\\top q_i$ costs $5.\n\n"
                + "$$\n\\theta_t = \\theta_{t-1} - \\alpha \\frac{\\hat{m}_t}{\\sqrt{\\hat{v}_t} + \\epsilon}\n$$\n\n"
                + "Broken: $\\nope$.\n\n" + NotebookFixture.cell("load ratings=user_movies.csv"))
        let out = try TestPaths.temporaryFolder()
        let outcome = try ReportRenderer.render(
            notebook: fixture.notebook,
            options: .init(dataFolder: fixture.folder.path, outFolder: out.path, keepGoing: false, formats: [.html, .md]))
        #expect(outcome.succeeded)
        #expect(outcome.warnings.map(\.location.line) == [13])
        let html = try String(contentsOf: out.appendingPathComponent("test.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<math").count - 1 == 4, "two in the text, the heading's and its contents entry")
        #expect(html.contains("<math display=\"block\">"))
        #expect(html.contains("<a href=\"#formulas-with-lambda\">Formulas with <math><semantics><mi>λ</mi>"))
        let main = html.components(separatedBy: "<main>").last ?? ""
        let outsideFormulas = main.replacingOccurrences(
            of: "<annotation[^>]*>[^<]*</annotation>", with: "", options: .regularExpression)
        #expect(outsideFormulas.components(separatedBy: "$").count - 1 == 3, "costs $5 and the broken $\\nope$")
        let markdown = try String(contentsOf: out.appendingPathComponent("test.md"), encoding: .utf8)
        #expect(markdown.contains("The prediction $\\hat{r}_{ui} = \\mu + b_u + b_i + p_u^\\top q_i$ costs $5."))
        #expect(markdown.contains("$$\n\\theta_t = \\theta_{t-1}"))
    }
}
