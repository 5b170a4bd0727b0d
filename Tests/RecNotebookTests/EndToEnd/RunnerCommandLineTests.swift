import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// `check`, `-p`, `--to md`, the cache and `watch` through the built binary.
@Suite(.serialized) struct RunnerCommandLineTests {
    @Test(.requires(.douban))
    func checkPassesOnTheCommittedReports() throws {
        // The training notebooks take minutes in a debug build; CI checks them all with a release build.
        let run = try CommandRun.recbook(
            ["check", "notebooks/01-data-exploration.md", "notebooks/02-item-based-cf.md"], in: TestPaths.repository)
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(
            run.output.contains(
                "ok      notebooks/01-data-exploration.md matches output/01-data-exploration.json, data ../shared/data/douban"))
    }

    @Test(.requires(.douban))
    func checkFailsWithADiffAfterADeliberateChangeAndLeavesTheReportsAlone() throws {
        let notebook = try String(
            contentsOf: TestPaths.repository.appendingPathComponent("notebooks/01-data-exploration.md"), encoding: .utf8)
        let copy = try TestPaths.temporaryFolder().appendingPathComponent("01-data-exploration.md")
        try Data(
            notebook.replacingOccurrences(of: "select movies where=\"score > 8\"", with: "select movies where=\"score > 8.5\"")
                .utf8
        )
        .write(to: copy)
        let twin = TestPaths.repository.appendingPathComponent("output/01-data-exploration.json")
        let before = try Data(contentsOf: twin)
        let run = try CommandRun.recbook(["check", copy.path, "--out", "output"], in: TestPaths.repository)
        // The line of the fence that opens the `select` cell, wherever the prose has moved it.
        let lines = notebook.split(separator: "\n", omittingEmptySubsequences: false)
        let selectLine = try #require(lines.firstIndex { $0.hasPrefix("select movies where") })
        let fence = try #require(lines[..<selectLine].lastIndex { $0.hasPrefix("```rec") }) + 1
        #expect(run.status == 1)
        #expect(run.output.contains("DRIFT   \(copy.path) differs from output/01-data-exploration.json"))
        #expect(
            run.output.contains(
                "\(copy.path):\(fence) cell 5: cell text (render again to update the report): `select movies where=\"score > 8\"` -> `select movies where=\"score > 8.5\"`"
            ))
        #expect(
            run.output.contains(
                "\(copy.path):\(fence) cell 5: result 1: table \"Movies with score > 8\" -> table \"Movies with score > 8.5\""))
        #expect(try Data(contentsOf: twin) == before, "check never writes reports")
    }

    @Test func checkExitsTwoForUsageAndOneForAMissingReport() throws {
        let missingNotebook = try CommandRun.recbook(["check", "/nonexistent/notebook.md"])
        #expect(missingNotebook.status == 2)
        #expect(missingNotebook.errors.contains("/nonexistent/notebook.md: cannot read: no such file or folder"))
        let folder = try TestPaths.temporaryFolder()
        try Data("```rec\nseed 1\n```\n".utf8).write(to: folder.appendingPathComponent("n.md"))
        let missingReport = try CommandRun.recbook(["check", folder.path + "/n.md", "--out", folder.path + "/output"])
        #expect(missingReport.status == 1)
        #expect(missingReport.output.contains("no committed report for \(folder.path)/n.md; render it first"))
    }

    @Test func anUnknownParameterIsAUsageError() throws {
        let folder = try TestPaths.temporaryFolder()
        let notebook = folder.appendingPathComponent("p.md")
        try Data("```rec\nparams epochs=45\nseed $epochs\n```\n".utf8).write(to: notebook)
        let run = try CommandRun.recbook(["render", notebook.path, "-p", "epoch=5", "--out", folder.path + "/out"])
        #expect(run.status == 2)
        #expect(run.errors.contains("unknown parameter `epoch` in -p epoch=... Did you mean `epochs`? Declared: epochs."))
        let good = try CommandRun.recbook([
            "render", notebook.path, "-p", "epochs=5", "--out", folder.path + "/out", "--to", "md",
        ])
        #expect(good.status == 0, "\(good.errors)")
        let markdown = try String(contentsOf: folder.appendingPathComponent("out/p.md"), encoding: .utf8)
        #expect(markdown.contains("Master seed set to 5."))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/p.html"), "--to md alone writes no HTML")
    }

    @Test func aCachedSecondRenderIsIdenticalApartFromRunMetadata() throws {
        let folder = try TestPaths.temporaryFolder()
        let notebook = folder.appendingPathComponent("c.md")
        try Data("# C\n\n```rec\nload ratings=u.csv movies=m.csv synth=small\nstats ratings\nhistogram ratings\n```\n".utf8)
            .write(to: notebook)
        var pages: [String] = []
        var twins: [Data] = []
        var markdown: [String] = []
        var hits: [[Bool]] = []
        for _ in 0..<2 {
            let out = try TestPaths.temporaryFolder()
            let run = try CommandRun.recbook(
                [
                    "render", notebook.path, "--data", folder.path, "--out", out.path, "--cache", folder.path + "/cache", "--to",
                    "html", "--to", "md",
                ])
            #expect(run.status == 0, "\(run.errors)")
            pages.append(
                ReportText.withoutRunMetadata(html: try String(contentsOf: out.appendingPathComponent("c.html"), encoding: .utf8))
            )
            let twin = try Data(contentsOf: out.appendingPathComponent("c.json"))
            twins.append(try ReportText.withoutRunMetadata(json: twin))
            hits.append(try Self.cacheHits(twin))
            markdown.append(
                ReportText.withoutRunMetadata(
                    markdown: try String(contentsOf: out.appendingPathComponent("c.md"), encoding: .utf8)))
        }
        #expect(pages[0] == pages[1])
        #expect(twins[0] == twins[1])
        #expect(markdown[0] == markdown[1])
        // The cache did the work: the synthetic data was computed once, stored, then reused.
        #expect(hits == [[false], [true]], "cache use per run: \(hits)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/cache").filter {
            $0.hasSuffix(".entry")
        }
        #expect(entries.count == 1)
    }

    /// Whether each cache request of the report's cells was a hit, from the JSON twin.
    static func cacheHits(_ twin: Data) throws -> [Bool] {
        let report = try #require(try JSONSerialization.jsonObject(with: twin) as? [String: Any])
        let cells = try #require(report["cells"] as? [[String: Any]])
        return cells.flatMap { ($0["cache"] as? [[String: Any]] ?? []).compactMap { $0["hit"] as? Bool } }
    }

    @Test func watchRendersAndStopsAfterTheBound() throws {
        let folder = try TestPaths.temporaryFolder()
        let notebook = folder.appendingPathComponent("w.md")
        try Data("# W\n\n```rec\nseed 3\n```\n".utf8).write(to: notebook)
        let run = try CommandRun.recbook(["watch", notebook.path, "--out", folder.path + "/out", "--max-renders", "1"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("watching \(notebook.path); Ctrl-C stops"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/out/w.html"))
    }

    @Test func watchStopsCleanlyOnCtrlC() throws {
        let folder = try TestPaths.temporaryFolder()
        let notebook = folder.appendingPathComponent("w.md")
        try Data("# W\n\n```rec\nseed 3\n```\n".utf8).write(to: notebook)
        let process = Process()
        process.executableURL = TestPaths.recbook
        process.arguments = ["watch", notebook.path, "--out", folder.path + "/out"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let page = folder.path + "/out/w.html"
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: page) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        process.interrupt()  // SIGINT, as Ctrl-C sends
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.hasSuffix("stopped watching \(notebook.path)\n"))
    }
}
