import Foundation
import RecEngine
import RecTestSupport
import Testing

@testable import RecNotebook

/// `--no-timings`: reports that diff cleanly. Wall times, peak memory and cache notes leave the
/// pages and twins for `timings.json`, so an unchanged notebook renders to the same bytes.
@Suite struct NoTimingsTests {
    /// A table, a chart, a note, and a training cell the cache can answer.
    static let cells =
        NotebookFixture.cell("load ratings=user_movies.csv movies=hot_movies.csv\nhead ratings n=3\nhistogram ratings")
        + NotebookFixture.cell("replace ratings from=-1 to=1\nsplit test=0.4\ntrain svd model=svd k=2 epochs=2")

    static func options(_ fixture: NotebookFixture, out: URL, cache: URL, timings: Bool) -> RunOptions {
        RunOptions(
            dataFolder: fixture.folder.path, outFolder: out.path, cacheFolder: cache.path, formats: [.html, .md, .ipynb],
            timings: timings)
    }

    /// Every regular file under `folder` but `timings.json`, by relative path.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where name != TimingsFile.fileName {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            files[name] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    /// The run metadata a page or twin shows when timings are on.
    static func timingText(in text: String) -> [String] {
        let patterns = [
            #"\d\.\d{3} s"#, #"peak [0-9.]+ MB"#, "from cache", #"computed \("#, #""seconds""#, #""peakMemoryMB""#,
            #""cache""#, #"class="time""#,
        ]
        return patterns.filter { text.range(of: $0, options: .regularExpression) != nil }
    }

    @Test(arguments: [true, false])
    func timingTextAppearsInEveryReportOnlyWithTimings(timings: Bool) throws {
        let fixture = try NotebookFixture(cells: Self.cells)
        let out = try TestPaths.temporaryFolder()
        let cache = try TestPaths.temporaryFolder()
        let outcome = try ReportRenderer.render(
            notebook: fixture.notebook, options: Self.options(fixture, out: out, cache: cache, timings: timings))
        #expect(outcome.succeeded, "\(String(describing: outcome.error))")
        for name in ["test.html", "test.md", "test.json", "test.ipynb"] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            let found = Self.timingText(in: text)
            if timings {
                #expect(!found.isEmpty, "\(name) shows no timings")
            } else {
                #expect(found.isEmpty, "\(name) still shows \(found)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(TimingsFile.fileName).path) == !timings)
    }

    /// The second render reads the trained model from the cache: with timings the pages say so
    /// (and differ); without, every file but `timings.json` is byte for byte the first render's.
    @Test(arguments: [true, false])
    func anUnchangedNotebookRendersToTheSameBytesOnlyWithoutTimings(timings: Bool) throws {
        let fixture = try NotebookFixture(cells: Self.cells)
        let out = try TestPaths.temporaryFolder()
        let cache = try TestPaths.temporaryFolder()
        let options = Self.options(fixture, out: out, cache: cache, timings: timings)
        _ = try ReportRenderer.render(notebook: fixture.notebook, options: options)
        try ReportRenderer.writeIndex(outFolder: out.path)
        let first = try Self.files(in: out)
        _ = try ReportRenderer.render(notebook: fixture.notebook, options: options)
        try ReportRenderer.writeIndex(outFolder: out.path)
        let second = try Self.files(in: out)
        #expect(Set(first.keys) == ["index.html", "test.html", "test.md", "test.json", "test.ipynb"])
        let changed = first.keys.filter { first[$0] != second[$0] }.sorted()
        if timings {
            #expect(changed.contains("test.html") && changed.contains("test.json"), "the cache note should differ")
        } else {
            #expect(changed.isEmpty, "changed between renders: \(changed)")
            let recorded = try ReportTwin.decoder().decode(
                TimingsFile.self, from: Data(contentsOf: out.appendingPathComponent(TimingsFile.fileName)))
            let events = recorded.reports["test"]?.cells.flatMap { $0.cache ?? [] } ?? []
            #expect(events.map(\.hit) == [true], "the second render should read the model from the cache")
        }
    }

    /// A saved model's header records each epoch's wall time; under `--no-timings` it is 0, so a
    /// model trained afresh (no cache) saves to the same bytes.
    @Test func savedModelsRepeatWithoutTimings() throws {
        let fixture = try NotebookFixture(
            cells: NotebookFixture.cell(
                "load ratings=user_movies.csv\nsplit test=0.4\ntrain svd model=svd k=2 epochs=3\nsave svd"))
        var saved: [Data] = []
        for _ in 0..<2 {
            let out = try TestPaths.temporaryFolder()
            let outcome = try ReportRenderer.render(
                notebook: fixture.notebook,
                options: RunOptions(dataFolder: fixture.folder.path, outFolder: out.path, cacheFolder: nil, timings: false))
            #expect(outcome.succeeded, "\(String(describing: outcome.error))")
            saved.append(try Data(contentsOf: out.appendingPathComponent("models/svd.recmodel")))
        }
        #expect(saved[0] == saved[1])
        let model = try FactorModel.decode(saved[0], path: "svd.recmodel")
        #expect(model.history.epochs.map(\.seconds) == [0, 0, 0])
    }

    /// One notebook's render replaces its own entry and keeps every other notebook's.
    @Test func timingsFileKeepsTheOtherNotebooksEntries() throws {
        let fixture = try NotebookFixture(cells: Self.cells)
        let other = fixture.folder.appendingPathComponent("other.md").path
        try Data(("# Other\n\n" + NotebookFixture.cell("load ratings=user_movies.csv\nstats ratings")).utf8).write(
            to: URL(fileURLWithPath: other))
        let out = try TestPaths.temporaryFolder()
        let cache = try TestPaths.temporaryFolder()
        let options = Self.options(fixture, out: out, cache: cache, timings: false)
        let path = out.appendingPathComponent(TimingsFile.fileName)
        func read() throws -> TimingsFile { try ReportTwin.decoder().decode(TimingsFile.self, from: Data(contentsOf: path)) }

        _ = try ReportRenderer.render(notebook: fixture.notebook, options: options)
        _ = try ReportRenderer.render(notebook: other, options: options)
        let both = try read()
        #expect(both.format == "recbook-timings/1")
        #expect(both.reports.keys.sorted() == ["other", "test"])
        #expect(both.reports["other"]?.notebook == other)
        let cells = try #require(both.reports["test"]?.cells)
        #expect(cells.map(\.number) == [1, 2])
        #expect(cells.allSatisfy { $0.status == .ok && $0.seconds != nil && $0.peakMemoryMB != nil })
        #expect(cells[1].cache?.map(\.hit) == [false])

        _ = try ReportRenderer.render(notebook: fixture.notebook, options: options)
        let again = try read()
        #expect(again.reports["other"] == both.reports["other"])
        #expect(again.reports["test"]?.cells[1].cache?.map(\.hit) == [true])
    }

    /// `check` reads the twins of both kinds: it never compares what `--no-timings` leaves out.
    @Test(arguments: [true, false])
    func checkPassesOnReportsRenderedWithAndWithoutTimings(timings: Bool) throws {
        let fixture = try NotebookFixture(cells: Self.cells)
        let out = try TestPaths.temporaryFolder()
        let cache = try TestPaths.temporaryFolder()
        _ = try ReportRenderer.render(
            notebook: fixture.notebook, options: Self.options(fixture, out: out, cache: cache, timings: timings))
        let outcome = try NotebookChecker.check(
            notebook: fixture.notebook, options: RunOptions(dataFolder: nil, outFolder: out.path))
        #expect(outcome.passed, "\(CheckReport.text(outcome))")
    }

    /// The index lists reports, and `timings.json` is not one.
    @Test func indexPageSkipsTheTimingsFile() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=user_movies.csv"))
        let out = try TestPaths.temporaryFolder()
        _ = try ReportRenderer.render(
            notebook: fixture.notebook,
            options: RunOptions(dataFolder: fixture.folder.path, outFolder: out.path, timings: false))
        try ReportRenderer.writeIndex(outFolder: out.path)
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"test.html\""))
        #expect(!index.contains("timings"))
        #expect(!index.contains("unreadable report"))
    }

    /// A notebook `timings.md` would have `timings.json` as its twin: refused before it runs.
    @Test func aNotebookNamedTimingsIsRefusedWithoutTimings() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=user_movies.csv"))
        let notebook = fixture.folder.appendingPathComponent("timings.md").path
        try FileManager.default.copyItem(atPath: fixture.notebook, toPath: notebook)
        let out = try TestPaths.temporaryFolder()
        #expect(throws: ReportError.self) {
            try ReportRenderer.render(
                notebook: notebook, options: RunOptions(dataFolder: fixture.folder.path, outFolder: out.path, timings: false))
        }
        // With timings it is an ordinary notebook; its twin then keeps later renders from
        // overwriting it with timings.
        let outcome = try ReportRenderer.render(
            notebook: notebook, options: RunOptions(dataFolder: fixture.folder.path, outFolder: out.path))
        #expect(outcome.written == ["timings.html", "timings.json"])
        let twin = try Data(contentsOf: out.appendingPathComponent("timings.json"))
        #expect(throws: ReportError.self) {
            try ReportRenderer.render(
                notebook: fixture.notebook,
                options: RunOptions(dataFolder: fixture.folder.path, outFolder: out.path, timings: false))
        }
        #expect(try Data(contentsOf: out.appendingPathComponent("timings.json")) == twin)
    }

    /// A timing column (Spark's "where the time went") keeps its rows, with `—` for each value
    /// on the pages and `null` in the twin; `timings.json` has the values.
    @Test func timingColumnsMoveToTheTimingsFile() throws {
        let table = ResultTable(
            title: "Where the time went", columns: [.text("step"), .seconds("seconds")],
            rows: [[.text("fit"), .decimal(1.25)], [.text("predict"), .decimal(0.5)]])
        let twin = ReportTwin.Result(.table(table), timings: false)
        #expect(twin.rows == [[.text("fit"), .null], [.text("predict"), .null]])
        #expect(ReportTwin.Result(.table(table)).rows == [[.text("fit"), .number(1.25)], [.text("predict"), .number(0.5)]])
        #expect(HTMLResults.render(table, timings: false).contains("<td>fit</td><td class=\"num\">—</td>"))
        #expect(!HTMLResults.render(table, timings: false).contains("1.25"))
        #expect(MarkdownReport.render(table, timings: false).contains("| fit | — |"))
        #expect(
            PlainTextResults.render(table, timings: false)
                == "Where the time went\nstep     seconds\nfit            —\npredict        —")

        let document = MarkdownParser.parse("```rec\nspark-stub\n```\n", file: "t.md")
        let cell = CellRun(
            cell: document.cells[0], options: CellOptions(), status: .ok, results: [.note("ran"), .table(table)], error: nil,
            seconds: 2.3456, peakMemoryBytes: 3 * 1_048_576)
        let run = NotebookRun(
            document: document, cells: [cell],
            provenance: Provenance(notebook: "t.md", engineVersion: "test", dataFolder: ".", seed: 42, sources: []))
        let report = TimingsFile.Report(run)
        #expect(
            report.cells == [
                TimingsFile.Cell(
                    number: 1, line: 1, status: .ok, seconds: 2.346, peakMemoryMB: 3.0, cache: nil,
                    timedColumns: [.init(result: 2, title: "Where the time went", column: "seconds", values: [1.25, 0.5])])
            ])
    }
}
