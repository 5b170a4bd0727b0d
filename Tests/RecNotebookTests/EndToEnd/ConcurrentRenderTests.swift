import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// Two renders (or a `preview` and a `render`) at once on the same cache and output folder: each
/// page, twin and cache entry is written whole by one of them, never interleaved.
@Suite(.serialized) struct ConcurrentRenderTests {
    static let cells =
        NotebookFixture.cell("load ratings=absent.csv movies=absent.csv synth=small\nsplit test=0.2")
        + NotebookFixture.cell("train svd model=svd k=2 epochs=1\nevaluate svd")
        + NotebookFixture.cell("train base model=baseline\nevaluate base")

    @Test func twoRendersOnOneCacheAndOutputLeaveEveryFileWhole() throws {
        let fixture = try NotebookFixture(cells: Self.cells)
        // Three notebooks, so that each process writes many files while the other does too.
        let text = try String(contentsOfFile: fixture.notebook, encoding: .utf8)
        var notebooks = [fixture.notebook]
        for name in ["second", "third"] {
            let path = fixture.folder.appendingPathComponent("\(name).md").path
            try Data(text.replacingOccurrences(of: "# Test notebook", with: "# \(name)").utf8)
                .write(to: URL(fileURLWithPath: path))
            notebooks.append(path)
        }
        let out = try TestPaths.temporaryFolder()
        let cache = try TestPaths.temporaryFolder()
        let arguments =
            ["render"] + notebooks + ["--data", fixture.folder.path, "--out", out.path, "--cache", cache.path]
        // Two rounds: the first computes in both processes at once, the second reads what they stored.
        for round in 1...2 {
            let processes = try (0..<2).map { _ in try Self.start(arguments) }
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "round \(round): a render failed")
            }
            try Self.expectWhole(out: out, cache: cache, pages: ["test", "second", "third"])
        }
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = TestPaths.recbook
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Every page ends as a page does, every twin and cache entry decodes, and no temporary file is left.
    static func expectWhole(out: URL, cache: URL, pages: [String]) throws {
        for name in pages {
            let html = try String(contentsOf: out.appendingPathComponent("\(name).html"), encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"), "\(name).html is not whole")
            let twin = try ReportTwin.decoder().decode(
                ReportTwin.self, from: Data(contentsOf: out.appendingPathComponent("\(name).json")))
            #expect(twin.status == "ok", "\(name).json")
        }
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.hasSuffix("</html>\n"))
        for name in pages { #expect(index.contains("href=\"\(name).html\""), "index.html lists \(name)") }
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".entry") }
        #expect(entries.count >= pages.count, "each notebook's model is cached")
        for name in entries {
            let file = try Data(contentsOf: cache.appendingPathComponent(name))
            let header = try #require(file.firstIndex(of: 0x0A).map { file[..<$0] }, "\(name) has no header line")
            let envelope = try JSONDecoder().decode(CacheEnvelope.self, from: header)
            guard case .entry = CacheEnvelope.decode(file, slot: envelope.slot) else {
                Issue.record("cache entry \(name) is not whole")
                continue
            }
        }
        for folder in [out, cache] {
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
            #expect(leftovers.isEmpty, "temporary files left in \(folder.lastPathComponent)")
        }
    }
}
