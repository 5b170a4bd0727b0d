import Foundation
import Testing

@testable import RecNotebook

@Suite struct ReportComparisonTests {
    static let exploration = """
        # Exploration

        ```rec
        seed 42
        load ratings=none.csv movies=none.csv synth=small
        stats ratings
        ```

        ```rec
        histogram ratings
        rank movies by=mean-rating n=5
        ```
        """

    @Test func anUnchangedNotebookHasNoDrift() throws {
        let committed = try RunnerFixtures.committed(RunnerFixtures.run(Self.exploration))
        #expect(ReportComparison.drifts(committed: committed, current: RunnerFixtures.run(Self.exploration)) == [])
    }

    @Test func aChangedSeedIsReportedValueByValue() throws {
        let committed = try RunnerFixtures.committed(RunnerFixtures.run(Self.exploration))
        let changed = RunnerFixtures.run(Self.exploration.replacingOccurrences(of: "seed 42", with: "seed 7"))
        let drifts = ReportComparison.drifts(committed: committed, current: changed)
        #expect(drifts.first == Drift(what: "master seed", before: "42", after: "7"))
        #expect(drifts.contains { $0.cell == 1 && $0.line == 3 && $0.what.hasPrefix("cell text") && $0.before == "`seed 42`" })
        // Some printed value moved, named by result and field, with both values.
        let valueDrift = try #require(drifts.first { $0.what.hasPrefix("\"Ratings\" › mean rating") })
        #expect(valueDrift.before != valueDrift.after)
        #expect(valueDrift.before.count == "3.123456".count, "compared at the metric's printed precision")
    }

    /// Reports rendered before pages grouped thousands (`201480`) compare with new runs
    /// (`201,480`) by value: only a changed number is a drift.
    @Test func thousandsSeparatorsAreNoDrift() {
        let table = ResultTable(
            title: "`m` on 201,480 test ratings", columns: [.integer("ratings"), .identifier("userId")],
            rows: [[.integer(1_007_397), .integer(100_008_214)]])
        let new = CellRun(
            cell: CellSource(number: 1, line: 3, info: "", code: "evaluate m"), options: CellOptions(), status: .ok,
            results: [.table(table), .note("Replaced 28,504 ratings of -1 with 1.")], error: nil, seconds: 0)
        func committed(title: String, note: String) -> ReportTwin.Cell {
            var results = new.results.map { ReportTwin.Result($0) }
            results[0].title = title
            results[1].text = note
            return ReportTwin.Cell(
                number: 1, line: 3, source: "evaluate m", status: .ok, seconds: 0, results: results, error: nil)
        }
        let old = committed(title: "`m` on 201480 test ratings", note: "Replaced 28504 ratings of -1 with 1.")
        #expect(CellComparison(old: old, new: new).drifts().isEmpty)
        let changed = committed(title: "`m` on 201480 test ratings", note: "Replaced 28505 ratings of -1 with 1.")
        #expect(
            CellComparison(old: changed, new: new).drifts().map(\.description) == [
                "cell 1, line 3: note › text: Replaced 28505 ratings of -1 with 1. -> "
                    + "Replaced 28,504 ratings of -1 with 1."
            ])
    }

    @Test func valuesAreComparedToTheLastPrintedDigit() throws {
        let markdown = "```rec\nfit-stub name=digits loss=0.5\n```\n"
        let run = RunnerFixtures.run(markdown)
        var committed = try RunnerFixtures.committed(run)
        // 0.85 printed at 4 decimals is 0.8500; a change below that precision is not a drift (in a
        // computed figure: no decimal of at most six digits writes 0.8500417, so it prints 0.8500)...
        committed.cells[0].results[0].metrics!["RMSE"] = 0.850_041_7
        #expect(ReportComparison.drifts(committed: committed, current: run) == [])
        // ...one that shows in the last printed digit is.
        committed.cells[0].results[0].metrics!["RMSE"] = 0.8501
        let drifts = ReportComparison.drifts(committed: committed, current: run)
        #expect(drifts.map(\.description) == ["cell 1, line 1: \"Fit digits\" › RMSE: 0.8501 -> 0.8500"])
    }

    @Test func aTrainingCellsToleranceIsRelative() throws {
        let markdown = "```rec tolerance=0.01\nfit-stub name=tolerant loss=0.5\n```\n"
        let run = RunnerFixtures.run(markdown)
        var committed = try RunnerFixtures.committed(run)
        // Another machine's run, 0.5% away: within 1%.
        committed.cells[0].results[0].metrics!["RMSE"] = 0.85 * 1.005
        committed.cells[0].results[1].series![0].values[4] = 0.7 * 0.995
        #expect(ReportComparison.drifts(committed: committed, current: run) == [])
        // 3% away: a drift, which says by how much and what was allowed.
        committed.cells[0].results[0].metrics!["RMSE"] = 0.85 * 1.03
        let drifts = ReportComparison.drifts(committed: committed, current: run)
        #expect(drifts.count == 1)
        #expect(drifts.first?.after.contains("tolerance 1%") == true)
        #expect(drifts.first?.before == "0.8755")
    }

    @Test func withoutAToleranceTheSameChangeIsADrift() throws {
        let markdown = "```rec\nfit-stub name=strict loss=0.5\n```\n"
        let run = RunnerFixtures.run(markdown)
        var committed = try RunnerFixtures.committed(run)
        committed.cells[0].results[1].series![0].values[4] = 0.7 * 0.995
        let drifts = ReportComparison.drifts(committed: committed, current: run)
        #expect(drifts.map(\.what) == ["\"Loss of strict\" › train epoch 5"])
    }

    @Test func timingsMemoryAndCacheNeverCount() throws {
        let markdown = "```rec\nfit-stub name=timing loss=0.5\n```\n"
        let run = RunnerFixtures.run(markdown)
        var committed = try RunnerFixtures.committed(run)
        committed.cells[0].seconds = 999
        committed.cells[0].peakMemoryMB = 12345
        committed.cells[0].cache = [CacheEvent(name: "fit timing", line: 2, hit: true)]
        #expect(ReportComparison.drifts(committed: committed, current: run) == [])
    }

    @Test func toleranceMustBeANonNegativeNumber() {
        let run = RunnerFixtures.run("```rec tolerance=1%\nseed 1\n```\n")
        #expect(run.firstError?.description == "test.md:1: tolerance must be a relative difference such as 0.01 (1%), not `1%`")
    }
}
