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

    /// A formula outside the TeX subset is a warning on standard error, not a failure.
    @Test func aFormulaThatCannotBeTypesetIsAWarningAndTheRenderSucceeds() throws {
        let fixture = try NotebookFixture(
            cells: "The loss $\\mathscr{L}$ and $x_1$.\n\n" + NotebookFixture.cell("load ratings=user_movies.csv"))
        let out = try TestPaths.temporaryFolder()
        let run = try CommandRun.recbook(["render", fixture.notebook, "--data", fixture.folder.path, "--out", out.path])
        #expect(run.status == 0, "\(run.errors)")
        #expect(
            run.errors.contains(
                "test.md:5: warning: the formula $\\mathscr{L}$ cannot be typeset (unknown command `\\mathscr`); "
                    + "the page shows its TeX source as code"))
        let html = try String(contentsOf: out.appendingPathComponent("test.html"), encoding: .utf8)
        #expect(html.contains(">$\\mathscr{L}$</code>") && html.contains("<msub><mi>x</mi><mn>1</mn></msub>"))
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

    @Test func versionPrintsTheEngineVersion() throws {
        let run = try CommandRun.recbook(["--version"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == EngineVersion.current + "\n")
    }

    /// `--to md` writes no HTML page, so the line names the Markdown page and the twin.
    @Test func renderNamesTheFilesItWrote() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=user_movies.csv\nstats ratings"))
        let out = try TestPaths.temporaryFolder()
        let markdown = try CommandRun.recbook([
            "render", fixture.notebook, "--data", fixture.folder.path, "--out", out.path, "--to", "md",
        ])
        #expect(markdown.status == 0, "\(markdown.errors)")
        #expect(markdown.output.hasPrefix("ok      \(fixture.notebook) -> \(out.path)/test.md, \(out.path)/test.json ("))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["test.json", "test.md"])
        let both = try CommandRun.recbook([
            "render", fixture.notebook, "--data", fixture.folder.path, "--out", out.path, "--to", "md", "--to", "html",
        ])
        #expect(both.output.contains(" -> \(out.path)/test.html, \(out.path)/test.md, \(out.path)/test.json ("))
    }

    /// A cell that fails fails `check`, even when the committed report recorded the same error.
    @Test func checkExitsOneWhenACellFailsEvenAsTheReportRecorded() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=user_movies.csv\nhead ratings n=-3"))
        let out = try TestPaths.temporaryFolder()
        let render = try CommandRun.recbook([
            "render", fixture.notebook, "--data", fixture.folder.path, "--out", out.path, "--keep-going",
        ])
        #expect(render.status == 1)
        let check = try CommandRun.recbook(["check", fixture.notebook, "--out", out.path])
        #expect(check.status == 1, "\(check.output)")
        #expect(check.output.contains("FAILED  \(fixture.notebook): 1 cell failed (as in the report)"), "\(check.output)")
        #expect(check.output.contains("  error: \(fixture.notebook):7: n must be between 1 and 10000, not -3"), "\(check.output)")
        #expect(check.output.contains("check: 1 of 1 notebook(s) failed or differ from their reports"))
    }

    /// `new` writes a notebook that renders as it is, and never replaces a file.
    @Test func newWritesAStarterThatRendersAndRefusesToOverwrite() throws {
        let folder = try TestPaths.temporaryFolder()
        let written = try CommandRun.recbook(["new", "starter.md", "--format", "synthetic"], in: folder)
        #expect(written.status == 0, "\(written.errors)")
        let notebook = folder.appendingPathComponent("starter.md")
        let text = try String(contentsOf: notebook, encoding: .utf8)
        #expect(text.hasPrefix("# starter\n"))
        #expect(text.contains("recommend svd1 id=leedew7h83 n=10"))

        let again = try CommandRun.recbook(["new", "starter.md"], in: folder)
        #expect(again.status == 1)
        #expect(again.errors.contains("starter.md: cannot write: the file exists; `recbook new` does not overwrite"))
        #expect(try String(contentsOf: notebook, encoding: .utf8) == text)
        #expect(try CommandRun.recbook(["new", "x.md", "--format", "imdb"], in: folder).status == 2)

        // `recommend ... id=` (a real user id) comes with the recommend rework; until then the
        // render runs the same notebook with the first user's dense index.
        let runnable = folder.appendingPathComponent("runnable.md")
        let idAccepted = VerbRegistry.all.first { $0.name == "recommend" }?.keys.contains("id") == true
        try Data((idAccepted ? text : text.replacingOccurrences(of: "id=leedew7h83", with: "user=0")).utf8).write(to: runnable)
        let data = try TestPaths.temporaryFolder()
        let render = try CommandRun.recbook([
            "render", runnable.path, "--data", data.path, "--out", folder.appendingPathComponent("out").path, "--no-cache",
        ])
        #expect(render.status == 0, "\(render.output)\(render.errors)")
        let html = try String(contentsOf: folder.appendingPathComponent("out/runnable.html"), encoding: .utf8)
        #expect(html.contains("Every model evaluated in this notebook"))
    }
}
