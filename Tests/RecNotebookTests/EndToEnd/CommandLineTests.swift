import Foundation
import RecEngine
import RecTestSupport
import Testing

@testable import RecNotebook

/// The built binary, run as a user runs it. `swift build` must have run first (`make test` does).
@Suite(.serialized) struct CommandLineTests {
    @Test func renderWritesPageTwinAndIndexAndExitsZero() throws {
        let fixture = try NotebookFixture(
            cells: NotebookFixture.cell("load ratings=user_movies.csv movies=hot_movies.csv\nstats ratings"))
        let out = try TestPaths.temporaryFolder()
        let run = try CommandRun.recbook(["render", fixture.notebook, "--data", fixture.folder.path, "--out", out.path])
        #expect(run.status == 0, "\(run.errors)")
        for name in ["test.html", "test.json", "index.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) missing")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aFailingCellExitsOneAndStillWritesTheReport() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=user_movies.csv\nhead ratings n=-3"))
        let out = try TestPaths.temporaryFolder()
        let run = try CommandRun.recbook(["render", fixture.notebook, "--data", fixture.folder.path, "--out", out.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("test.md:7: n must be between 1 and 10000, not -3"))
        let html = try String(contentsOf: out.appendingPathComponent("test.html"), encoding: .utf8)
        #expect(html.contains("n must be between 1 and 10000, not -3"))
    }

    /// README: "the run stops there (later cells are marked "not run") unless you pass `--keep-going`".
    @Test func keepGoingRunsTheCellsAfterAFailureAndStillExitsOne() throws {
        let fixture = try NotebookFixture(
            cells: NotebookFixture.cell("stats ratings") + NotebookFixture.cell("load ratings=user_movies.csv\nstats ratings"))
        var statuses: [[String]] = []
        for flags in [[], ["--keep-going"]] {
            let out = try TestPaths.temporaryFolder()
            let run = try CommandRun.recbook(
                ["render", fixture.notebook, "--data", fixture.folder.path, "--out", out.path] + flags)
            #expect(run.status == 1, "a failed cell fails the render either way")
            #expect(run.errors.contains("test.md:6: no data is loaded yet; start with a `load` directive"))
            let twin = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("test.json")))
            let cells = (twin as? [String: Any])?["cells"] as? [[String: Any]] ?? []
            statuses.append(cells.compactMap { $0["status"] as? String })
        }
        #expect(statuses == [["failed", "not-run"], ["failed", "ok"]])
    }

    /// README: "`recbook directives` prints this reference from the code itself."
    @Test func directivesPrintsTheReadmeReference() throws {
        let readme = try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- directives:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- directives:end -->"))
        let run = try CommandRun.recbook(["directives"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == String(readme[begin.upperBound..<end.lowerBound]), "run `make docs` to refresh the README")
    }

    @Test func usageErrorsExitTwo() throws {
        let unknownFlag = try CommandRun.recbook(["render", "--frobnicate"])
        #expect(unknownFlag.status == 2)
        #expect(unknownFlag.errors.contains("Unknown option '--frobnicate'"))
        let missing = try CommandRun.recbook(["render", "/nonexistent/notebook.md"])
        #expect(missing.status == 2)
        #expect(missing.errors.contains("/nonexistent/notebook.md: cannot read: no such file or folder"))
        let badPreset = try CommandRun.recbook(["synth", "--preset", "imdb"])
        #expect(badPreset.status == 2)
        #expect(badPreset.errors.contains("unknown preset `imdb`"))
    }

    @Test func synthWritesBothFilesInTheDoubanLayout() throws {
        let out = try TestPaths.temporaryFolder()
        let run = try CommandRun.recbook(["synth", "--preset", "small", "--seed", "7", "--out", out.path])
        #expect(run.status == 0, "\(run.errors)")
        let ratings = try String(contentsOf: out.appendingPathComponent("user_movies.csv"), encoding: .utf8)
        let movies = try String(contentsOf: out.appendingPathComponent("hot_movies.csv"), encoding: .utf8)
        #expect(ratings.split(separator: "\n").count == 9_000)
        #expect(movies.split(separator: "\n").count == 40)
        #expect(ratings.split(separator: "\n").allSatisfy { $0.split(separator: ",").count == 3 })
    }
}
