import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

@Suite struct NotebookRunnerTests {
    private let load = "load ratings=user_movies.csv movies=hot_movies.csv"

    @Test func cellsShareOneSessionAndCarryTheirLines() throws {
        let fixture = try NotebookFixture(
            cells: NotebookFixture.cell(load)
                + NotebookFixture.cell("stats ratings\nreplace ratings from=-1 to=1\nrank movies by=mean-rating n=2"))
        let run = try fixture.run()
        #expect(run.succeeded)
        #expect(run.cells.map(\.cell.line) == [5, 9])
        guard case .table(let ranking) = run.cells[1].results.last else {
            Issue.record("expected the ranking table")
            return
        }
        // 101: (4 + 1) / 2 = 2.5, 202: (5 + 3) / 2 = 4, 303: 2.
        #expect(ranking.rows.map { $0[6] } == [.text("<script>alert(1)</script>"), .text("小王子")])
        #expect(ranking.omittedRows == 1)
        #expect(run.provenance.sources.map(\.rows) == [5, 3])
        #expect(run.provenance.banner?.hasPrefix("Real data from ") == true)
    }

    @Test func unknownDirectiveSuggestsTheClosestVerb() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("\(load)\nhaed ratings"))
        #expect(try fixture.error() == "test.md:7: unknown directive `haed`. Did you mean `head`?")
        let far = try NotebookFixture(cells: NotebookFixture.cell("transmogrify everything"))
        #expect(try far.error()?.hasPrefix("test.md:6: unknown directive `transmogrify`.") == true)
    }

    @Test func badArgumentsSayWhatWasExpected() throws {
        let cases: [(String, String)] = [
            ("head ratings n=five", "test.md:7: n must be a whole number, not `five`"),
            ("head ratings count=5", "test.md:7: `head` has no option `count`. It takes: n."),
            ("head ratngs", "test.md:7: `head` works on `ratings`, `movies`, not `ratngs`. Did you mean `ratings`?"),
            ("select movies where=\"rating > 8\"", "test.md:7: `select` can compare `score` only, not `rating`"),
            ("rank movies n=0", "test.md:7: n must be between 1 and 100000, not 0"),
        ]
        for (line, message) in cases {
            let fixture = try NotebookFixture(cells: NotebookFixture.cell("\(load)\n\(line)"))
            #expect(try fixture.error() == message)
        }
    }

    @Test func missingFileNamesThePathAndTheWayOut() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=nope.csv"))
        let message = try #require(try fixture.error())
        #expect(
            message
                == "test.md:6: \(fixture.folder.path)/nope.csv: no such file. Put the file there, pass --data DIR, or add synth=douban to generate data instead."
        )
    }

    @Test func malformedRowStopsTheLoadWithFileAndLine() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell(load), ratings: "alice,101,4\nbob,101\n")
        #expect(
            try fixture.error()
                == "test.md:6: \(fixture.folder.path)/user_movies.csv:2: expected 3 fields separated by commas, found 2")
    }

    @Test func skipMalformedReportsWhatItSkipped() throws {
        let fixture = try NotebookFixture(
            cells: NotebookFixture.cell("\(load) skip-malformed=true"), ratings: "alice,101,4\nbob,101,9\n")
        let run = try fixture.run()
        #expect(run.succeeded)
        let notes = run.cells[0].results.compactMap { result -> String? in
            if case .note(let text) = result { return text }
            return nil
        }
        #expect(
            notes == [
                "Skipped 1 malformed ratings row (skip-malformed=true), for example: \(fixture.folder.path)/user_movies.csv:2: rating \"9\" is outside the declared range -1...5"
            ])
    }

    @Test func aFailingCellStopsTheRunUnlessKeepGoing() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("stats ratings") + NotebookFixture.cell(load))
        #expect(try fixture.run().cells.map(\.status) == [.failed, .notRun])
        #expect(try fixture.run(keepGoing: true).cells.map(\.status) == [.failed, .ok])
        #expect(try fixture.error() == "test.md:6: no data is loaded yet; start with a `load` directive")
    }

    @Test func cellOptionsAreCheckedOnTheFenceLine() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell(load, info: "echoo=false"))
        #expect(try fixture.error() == "test.md:5: unknown cell option `echoo`. Did you mean `echo`? Known: echo, tolerance.")
    }

    @Test func synthFallbackSaysSoInTheBanner() throws {
        let fixture = try NotebookFixture(
            cells: NotebookFixture.cell("load ratings=absent.csv movies=absent2.csv synth=small\nstats ratings"))
        let run = try fixture.run()
        #expect(run.succeeded)
        #expect(
            run.provenance.banner?.hasPrefix("Synthetic data: these numbers come from recbook's `small` preset (seed 42)") == true
        )
        #expect(run.provenance.sources.first?.synthetic == "small")
    }
}
