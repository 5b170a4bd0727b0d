import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// A render killed at any moment (SIGKILL: no clean-up runs) leaves the previous report whole:
/// every page is the old one or the new one, complete, never half of either.
@Suite(.serialized) struct KilledRenderTests {
    @Test func sigkillNeverLeavesAHalfWrittenReport() throws {
        let fixture = try NotebookFixture(
            cells: NotebookFixture.cell("load ratings=absent.csv movies=absent.csv synth=douban\nstats ratings\nrank movies"))
        let out = try TestPaths.temporaryFolder()
        let arguments = ["render", fixture.notebook, "--data", fixture.folder.path, "--out", out.path]
        let first = try CommandRun.recbook(arguments)
        #expect(first.status == 0, "\(first.errors)")
        let previous = try String(contentsOf: out.appendingPathComponent("test.html"), encoding: .utf8)

        for delay in [0.05, 0.3, 0.8, 1.5, 3.0] {
            // A different notebook text makes the new report tell itself apart from the old one.
            try Data(
                "# Test notebook\n\nVersion \(delay).\n\n".utf8
                    + Data(contentsOf: URL(fileURLWithPath: fixture.notebook)).dropFirst(17)
            )
            .write(to: URL(fileURLWithPath: fixture.notebook))
            let process = Process()
            process.executableURL = TestPaths.recbook
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let html = try String(contentsOf: out.appendingPathComponent("test.html"), encoding: .utf8)
            #expect(html.hasSuffix("</html>\n"), "test.html is cut short after a kill at \(delay) s")
            #expect(html == previous || html.contains("Version "), "test.html is neither the old nor a new report")
            let twin = try Data(contentsOf: out.appendingPathComponent("test.json"))
            #expect(
                (try? ReportTwin.decoder().decode(ReportTwin.self, from: twin)) != nil,
                "test.json is not a whole report after a kill at \(delay) s")
            let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(index.hasSuffix("</html>\n"))
        }
    }
}

private func + (left: Data, right: Data) -> Data {
    var joined = left
    joined.append(right)
    return joined
}
