import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

@Suite struct NotebookCheckerTests {
    static let notebook = """
        # Small

        ```rec
        load ratings=user_movies.csv movies=hot_movies.csv
        stats ratings
        ```

        ```rec
        rank movies by=mean-rating n=2
        ```
        """

    /// Renders `notebook` into a fresh output folder and returns (notebook path, out folder).
    static func rendered(_ text: String, data: String) throws -> (String, String) {
        let folder = try RunnerFixtures.folder()
        let path = folder + "/01-small.md"
        try RunnerFixtures.write(text, to: path)
        let out = folder + "/output"
        let outcome = try ReportRenderer.render(
            notebook: path, options: .init(dataFolder: data, outFolder: out, keepGoing: false, cacheFolder: nil))
        #expect(outcome.succeeded)
        return (path, out)
    }

    @Test func checkUsesTheReportsDataFolderAndWritesNothing() throws {
        let data = try RunnerFixtures.dataFolder()
        let (path, out) = try Self.rendered(Self.notebook, data: data)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/01-small.json"))
        let outcome = try NotebookChecker.check(notebook: path, options: .init(dataFolder: nil, outFolder: out))
        #expect(outcome.passed)
        #expect(outcome.dataFolder == data)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/01-small.json")) == before)
        #expect(CheckReport.text(outcome).hasPrefix("ok      \(path) matches \(out)/01-small.json, data \(data)"))
    }

    @Test func changedDataIsSaidPlainlyAndFails() throws {
        let data = try RunnerFixtures.dataFolder()
        let (path, out) = try Self.rendered(Self.notebook, data: data)
        try RunnerFixtures.write(RunnerFixtures.ratingsCSV + "u9,m2,5\n", to: data + "/user_movies.csv")
        let outcome = try NotebookChecker.check(notebook: path, options: .init(dataFolder: nil, outFolder: out))
        #expect(!outcome.passed)
        #expect(outcome.dataChanges.count == 1)
        #expect(outcome.dataChanges.first?.hasPrefix("the ratings data differs from the report's: sha256 ") == true)
        let text = CheckReport.text(outcome)
        #expect(text.contains("  data: the ratings data differs"))
        #expect(text.contains("\(path):3 cell 1: \"Ratings\" › ratings: 4 -> 5"))
    }

    /// The report recorded the failure, so nothing drifts; the check fails all the same, naming
    /// the cell's error: a notebook that does not run is not reproduced.
    @Test func aFailingCellFailsTheCheckEvenAsRecorded() throws {
        let data = try RunnerFixtures.dataFolder()
        let folder = try RunnerFixtures.folder()
        let path = folder + "/01-broken.md"
        try RunnerFixtures.write(Self.notebook.replacingOccurrences(of: "n=2", with: "n=0"), to: path)
        let out = folder + "/output"
        let rendered = try ReportRenderer.render(
            notebook: path, options: .init(dataFolder: data, outFolder: out, keepGoing: true, cacheFolder: nil))
        #expect(!rendered.succeeded)
        let outcome = try NotebookChecker.check(notebook: path, options: .init(dataFolder: nil, outFolder: out))
        #expect(outcome.drifts.isEmpty && outcome.dataChanges.isEmpty)
        #expect(outcome.failures == ["\(path):9: n must be between 1 and 100000, not 0"])
        #expect(!outcome.passed)
        let text = CheckReport.text(outcome)
        #expect(text.hasPrefix("FAILED  \(path): 1 cell failed (as in the report), against \(out)/01-broken.json"), "\(text)")
        #expect(text.contains("\n  error: \(path):9: n must be between 1 and 100000, not 0"))
    }

    @Test func aMissingReportSaysHowToMakeIt() throws {
        let folder = try RunnerFixtures.folder()
        try RunnerFixtures.write(Self.notebook, to: folder + "/02-none.md")
        #expect(throws: ReportError.self) {
            try NotebookChecker.check(
                notebook: folder + "/02-none.md", options: .init(dataFolder: nil, outFolder: folder + "/output"))
        }
        do {
            _ = try NotebookChecker.check(
                notebook: folder + "/02-none.md", options: .init(dataFolder: nil, outFolder: folder + "/output"))
        } catch {
            #expect(error.description.contains("render it first"))
        }
    }

    @Test(.requires(.douban))
    func notebookOnePassesAndFailsReadablyAfterADeliberateChange() throws {
        let original = try String(
            contentsOf: TestPaths.repository.appendingPathComponent("notebooks/01-data-exploration.md"), encoding: .utf8)
        let (path, out) = try Self.rendered(original, data: TestPaths.douban.path)
        let passing = try NotebookChecker.check(notebook: path, options: .init(dataFolder: nil, outFolder: out))
        #expect(passing.passed, "\(CheckReport.text(passing))")

        try RunnerFixtures.write(original.replacingOccurrences(of: "from=-1 to=1", with: "from=-1 to=2"), to: path)
        let failing = try NotebookChecker.check(notebook: path, options: .init(dataFolder: nil, outFolder: out))
        #expect(!failing.passed)
        let text = CheckReport.text(failing)
        #expect(text.contains("DRIFT   \(path) differs from \(out)/01-small.json"))
        // The line of the fence that opens the `replace` cell, wherever the prose has moved it.
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let replaceLine = try #require(lines.firstIndex { $0.hasPrefix("replace ratings from=-1") })
        let fence = try #require(lines[..<replaceLine].lastIndex { $0.hasPrefix("```rec") }) + 1
        #expect(
            text.contains(
                "\(path):\(fence) cell 6: \"Top 9 movies by mean user rating\" › row 1 › mean rating: 3.941917 -> 3.970238"))
    }
}
