import Testing

@testable import RecNotebook

@Suite struct MarkdownReportTests {
    @Test func tablesArePipeTablesWithEscapedCells() {
        let table = ResultTable(
            title: "a | b", columns: [.text("title"), .decimal("score", precision: 2), .integer("n")],
            rows: [[.text("x|y *z*"), .decimal(1.5), .integer(3)], [.text("<b>"), .missing, .integer(4)]], omittedRows: 2)
        #expect(
            MarkdownReport.render(table) == """
                **a \\| b**

                | title | score | n |
                | --- | ---: | ---: |
                | x\\|y \\*z\\* | 1.50 | 3 |
                | \\<b\\> | NaN | 4 |

                … 2 more rows not shown

                """)
    }

    @Test func chartsAndMetricsAreFencedText() {
        let chart = BarChart(title: "Counts", labels: ["a", "bb"], values: [2, 4], precision: 0)
        let text = MarkdownReport.render(.barChart(chart))
        #expect(text == "**Counts**\n\n```text\n" + AsciiBarChart.render(chart) + "\n```\n")
        let metrics = MarkdownReport.render(
            .metrics(MetricList(title: "M", metrics: [Metric("mean", 3.25, precision: 2), .count("n", 10)])))
        #expect(metrics == "**M**\n\n```text\nmean  3.25\nn       10\n```\n")
    }

    @Test func aFenceIsLongerThanAnyBackticksInside() {
        #expect(MarkdownText.fenced("a ```` b") == "`````text\na ```` b\n`````\n")
    }

    @Test func anExecutedNotebookKeepsProseAndCellsAndAddsResults() throws {
        let markdown = "# Title\n\nSome *prose*.\n\n```rec echo=true\nfit-stub name=md loss=0.5\n```\n\nAfter.\n"
        let text = MarkdownReport.render(RunnerFixtures.run(markdown))
        #expect(text.hasPrefix("# Title\n\n> **Provenance.** Notebook `test.md`"))
        #expect(text.contains("Some *prose*.\n\n```rec echo=true\nfit-stub name=md loss=0.5\n```\n\n*Out [1]* · "))
        #expect(text.contains("**Fit md**\n\n```text\nRMSE  0.8500\n```\n"))
        #expect(text.contains("**Loss of md**\n\n```text\n"))
        #expect(text.hasSuffix("```\n\nAfter.\n"))
    }
}
