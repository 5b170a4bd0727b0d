import Foundation
import RecNotebook
import RecTestSupport
import Testing

/// `recbook preview` as a user runs it (the built binary), without a browser.
@Suite(.serialized) struct PreviewCommandTests {
    static let patience: TimeInterval = 60

    /// A notebook with prose only (nothing to compute) in a new folder, and an output folder.
    static func notebook() throws -> (notebook: String, work: URL, out: URL) {
        let work = try TestPaths.temporaryFolder()
        let notebook = work.appendingPathComponent("test.md").path
        try Data("# Live\n\nVersion one.\n".utf8).write(to: URL(fileURLWithPath: notebook))
        return (notebook, work, work.appendingPathComponent("out"))
    }

    static func arguments(_ notebook: String, _ work: URL, _ out: URL) -> [String] {
        ["preview", notebook, "--port", "0", "--out", out.path, "--data", work.path, "--no-cache"]
    }

    @Test func rendersServesOnLoopbackAndLeavesTheFilesWithoutScript() throws {
        let (notebook, work, out) = try Self.notebook()
        let run = try CommandRun.recbook(Self.arguments(notebook, work, out) + ["--max-renders", "1"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains(#/serving \S+ at http://127\.0\.0\.1:\d+/test\.html; Ctrl-C stops/#), "\(run.output)")
        #expect(run.output.contains("stopped the preview"))
        #expect(!run.errors.contains("warning"), "loopback needs no warning")
        for name in ["test.html", "index.html"] {
            let page = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(page.contains(ContentSecurityPolicy.meta) && !page.contains("<script"), "\(name) on disk stays inert")
        }
    }

    @Test func anotherHostIsServedWithAWarning() throws {
        let (notebook, work, out) = try Self.notebook()
        let run = try CommandRun.recbook(Self.arguments(notebook, work, out) + ["--host", "0.0.0.0", "--max-renders", "1"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("warning: listening on 0.0.0.0: any machine that can reach this one on port"))
        let badHost = try CommandRun.recbook(
            Self.arguments(notebook, work, out) + ["--host", "example.org", "--max-renders", "1"])
        #expect(badHost.status == 1)
        #expect(badHost.errors.contains("--host must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1, not `example.org`"))
    }

    @Test func markdownOnlyIsAUsageError() throws {
        let (notebook, work, out) = try Self.notebook()
        let run = try CommandRun.recbook(Self.arguments(notebook, work, out) + ["--to", "md"])
        #expect(run.status == 2)
        #expect(run.errors.contains("preview serves HTML pages: add --to html beside --to md"))
    }

    /// Save -> re-render -> a `reload` event naming the page; the served page shows the new text
    /// and a failing cell's error; Ctrl-C ends the process cleanly.
    @Test func aSaveReloadsTheOpenPageAndCtrlCStops() throws {
        let (notebook, work, out) = try Self.notebook()
        let process = Process()
        process.executableURL = TestPaths.recbook
        process.arguments = Self.arguments(notebook, work, out)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let said = Said()
        output.fileHandleForReading.readabilityHandler = { said.append($0.availableData) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let port = try #require(said.wait(for: #/127\.0\.0\.1:(\d+)/#, seconds: Self.patience).flatMap { UInt16($0) })
        let http = RawHTTP(port: port)
        #expect(try http.request("/test.html").body.contains("Version one."))
        let stream = try http.events(until: { $0.contains("data: test.html index.html\n\n") }) {
            try? Data("# Live\n\nVersion two.\n\n```rec\nfrobnicate\n```\n".utf8).write(to: URL(fileURLWithPath: notebook))
        }
        #expect(stream.contains("event: reload\ndata: test.html index.html\n\n"))
        let page = try http.request("/test.html").body
        #expect(page.contains("Version two."))
        #expect(page.contains("<div class=\"error\" role=\"alert\">") && page.contains("unknown directive `frobnicate`"))

        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(Self.patience)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!process.isRunning, "Ctrl-C did not stop the preview")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(said.wait(for: #/(stopped the preview)/#, seconds: 5) != nil)
    }
}

/// What a running process has printed so far.
private final class Said: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func append(_ data: Data) { lock.withLock { text += String(decoding: data, as: UTF8.self) } }

    /// The first capture of `pattern` once it appears, or nil after `seconds`.
    func wait(for pattern: Regex<(Substring, Substring)>, seconds: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let match = lock.withLock({ text.firstMatch(of: pattern) }) { return String(match.1) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }
}
