import Foundation
import RecTestSupport
import Testing

/// The headless-Chromium checks under scripts/, run against the built binary.
@Suite(.serialized) struct BrowserCheckTests {
    /// Runs `python3 scripts/NAME RECBOOK` and returns its exit status and output.
    static func script(_ name: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", TestPaths.repository.appendingPathComponent("scripts/\(name)").path, TestPaths.recbook.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// A notebook's raw `<script>` and `onerror=` handler stay in the page and do not run.
    @Test(.requires(.chromium)) func aReportRunsNoScriptItsNotebookBrings() throws {
        let run = try Self.script("csp-check.py")
        #expect(run.status == 0, "\(run.output)")
    }

    /// A served page follows edits of its notebook, keeps its scroll position, shows a failing
    /// cell, logs nothing, and Ctrl-C stops the preview.
    @Test(.requires(.chromium)) func aServedPageFollowsItsNotebook() throws {
        let run = try Self.script("preview-check.py")
        #expect(run.status == 0, "\(run.output)")
    }
}
