import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

@Suite struct ReportPageTests {
    private func render(_ cells: String) throws -> (html: String, twin: ReportTwin, outcome: ReportRenderer.Outcome) {
        let fixture = try NotebookFixture(cells: cells)
        let out = try TestPaths.temporaryFolder()
        let outcome = try fixture.render(out: out)
        let html = try String(contentsOf: out.appendingPathComponent("test.html"), encoding: .utf8)
        let twin = try ReportTwin.decoder().decode(
            ReportTwin.self, from: Data(contentsOf: out.appendingPathComponent("test.json")))
        return (html, twin, outcome)
    }

    @Test func aScriptTitleComesOutEscaped() throws {
        let (html, twin, _) = try render(
            NotebookFixture.cell("load ratings=user_movies.csv movies=hot_movies.csv\nhead movies n=3\nchart movies"))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // The JSON twin keeps the raw title as data (JSON-escaped by the encoder).
        #expect(twin.cells[0].results[1].rows?[1][3] == .text("<script>alert(1)</script>"))
    }

    @Test func pageHasCellsTimingsTableOfContentsAndProvenance() throws {
        let (html, twin, outcome) = try render(
            NotebookFixture.cell("load ratings=user_movies.csv movies=hot_movies.csv", info: "echo=false") + "## Second part\n\n"
                + NotebookFixture.cell("stats movies"))
        #expect(outcome.succeeded && outcome.cells == 2)
        #expect(html.contains("<h1 id=\"test-notebook\">Test notebook</h1>"))
        #expect(html.contains("<a href=\"#second-part\">Second part</a>"))
        #expect(html.contains("Out [1]:") && html.contains("In [2]:") && !html.contains("In [1]:"))
        #expect(html.contains("<span class=\"time\">"))
        #expect(html.contains("sha256 <code>"))
        #expect(twin.format == ReportTwin.currentFormat)
        #expect(twin.status == "ok")
        #expect(twin.cells.map(\.line) == [5, 11])
        #expect(twin.cells[1].results[0].metrics?["mean score"] == (8.2 + 7.0 + 6.1) / 3)
    }

    @Test func failedCellShowsItsErrorInPlace() throws {
        let (html, twin, outcome) = try render(NotebookFixture.cell("load ratings=user_movies.csv\nfrobnicate"))
        #expect(!outcome.succeeded)
        let error = try #require(outcome.error)
        #expect(
            error.description
                == "\(outcome.notebook):7: unknown directive `frobnicate`. Known directives: \(VerbRegistry.all.map(\.name).joined(separator: ", "))."
        )
        #expect(html.contains("<div class=\"error\" role=\"alert\">\(outcome.notebook):7: unknown directive `frobnicate`."))
        #expect(html.contains("This report is incomplete"))
        #expect(twin.status == "failed")
        #expect(twin.cells[0].error == ReportTwin.CellError(file: outcome.notebook, line: 7, message: error.message))
    }

    @Test func renderingTwiceGivesTheSameBytesApartFromTimings() throws {
        let fixture = try NotebookFixture(
            cells: NotebookFixture.cell("load ratings=user_movies.csv movies=hot_movies.csv\nrank movies"))
        let first = try TestPaths.temporaryFolder()
        let second = try TestPaths.temporaryFolder()
        _ = try fixture.render(out: first)
        _ = try fixture.render(out: second)
        for name in ["test.html", "test.json"] {
            let a = try String(contentsOf: first.appendingPathComponent(name), encoding: .utf8)
            let b = try String(contentsOf: second.appendingPathComponent(name), encoding: .utf8)
            #expect(Timings.strip(a) == Timings.strip(b))
        }
    }

    @Test func indexListsEveryReportWithItsStatus() throws {
        let out = try TestPaths.temporaryFolder()
        _ = try NotebookFixture(cells: NotebookFixture.cell("load ratings=user_movies.csv")).render(out: out)
        try ReportRenderer.writeIndex(outFolder: out.path)
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"test.html\">Test notebook</a>"))
        #expect(index.contains("<td class=\"status-ok\">ok</td>"))
    }
}

/// Removes the parts of a report that may differ between two renders: wall times.
enum Timings {
    static func strip(_ text: String) -> String {
        text.replacingOccurrences(of: #"<span class="time">[^<]*</span>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #""seconds" : [0-9.e-]+"#, with: "", options: .regularExpression)
            // Peak memory describes the run like wall time does.
            .replacingOccurrences(of: #""peakMemoryMB" : [0-9.e-]+"#, with: "", options: .regularExpression)
    }
}
