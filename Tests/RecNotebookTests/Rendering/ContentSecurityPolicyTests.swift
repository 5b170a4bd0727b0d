import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// Every page recbook writes opens its `<head>` with a policy that runs no script and loads
/// nothing from elsewhere, so the raw HTML a notebook keeps (as Jupyter does) stays inert.
@Suite struct ContentSecurityPolicyTests {
    static let rawHTML = """
        <script>document.title = "script ran"</script>

        <img src=x onerror="document.title = 'handler ran'">


        """

    /// The first element inside `<head>`.
    static func firstHeadElement(_ html: String) throws -> String {
        let head = try #require(html.range(of: "<head>"))
        let rest = html[head.upperBound...].drop { $0.isWhitespace }
        let end = try #require(rest.firstIndex(of: ">"))
        return String(rest[...end])
    }

    @Test func theReportPolicyAllowsNoScriptAndNoRemoteLoad() {
        let policy = ContentSecurityPolicy.report
        #expect(policy.hasPrefix("default-src 'none';"), "anything not named, scripts included, is refused")
        #expect(!policy.contains("script-src") && !policy.contains("http") && !policy.contains("*"))
        #expect(policy.contains("style-src 'unsafe-inline'"), "the page's own <style> and inline SVG attributes")
        #expect(policy.contains("base-uri 'none'") && policy.contains("form-action 'none'"))
        #expect(
            ContentSecurityPolicy.served(nonce: "abc")
                == policy + "; script-src 'nonce-abc'; connect-src 'self'")
    }

    @Test func everyKindOfPageOpensItsHeadWithThePolicy() throws {
        let ok = try NotebookFixture(cells: Self.rawHTML + NotebookFixture.cell("load ratings=user_movies.csv"))
        let failed = try NotebookFixture(cells: NotebookFixture.cell("load ratings=user_movies.csv\nfrobnicate"))
        let out = try TestPaths.temporaryFolder()
        _ = try ok.render(out: out)
        let okPage = try String(contentsOf: out.appendingPathComponent("test.html"), encoding: .utf8)
        let failedOut = try TestPaths.temporaryFolder()
        _ = try failed.render(out: failedOut)
        // An index with a readable and an unreadable report.
        try Data("not json".utf8).write(to: out.appendingPathComponent("broken.json"))
        try ReportRenderer.writeIndex(outFolder: out.path)
        let pages = [
            "report": okPage,
            "failed report": try String(contentsOf: failedOut.appendingPathComponent("test.html"), encoding: .utf8),
            "index": try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8),
        ]
        for (kind, html) in pages {
            #expect(try Self.firstHeadElement(html) == ContentSecurityPolicy.meta, "\(kind)")
            #expect(html.components(separatedBy: "Content-Security-Policy").count == 2, "\(kind): one policy")
            // The charset must stay within the first 1024 bytes for the browser to see it.
            #expect(String(decoding: html.utf8.prefix(1024), as: UTF8.self).contains("<meta charset=\"utf-8\">"), "\(kind)")
        }
        #expect(
            okPage.contains("<script>document.title = \"script ran\"</script>") && okPage.contains("onerror="),
            "raw HTML is kept, as in Jupyter: the policy, not escaping, makes it inert")
    }
}
