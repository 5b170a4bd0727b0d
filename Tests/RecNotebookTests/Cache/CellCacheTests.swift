import Foundation
import Testing

@testable import RecNotebook

@Suite struct CellCacheTests {
    static func notebook(_ name: String, loss: String = "0.5", extra: String = "") -> String {
        """
        # Cache

        ```rec
        load ratings=user_movies.csv movies=hot_movies.csv
        \(extra)
        ```

        ```rec
        fit-stub name=\(name) loss=\(loss)
        ```

        ```rec
        scores-stub
        ```
        """
    }

    @Test func secondRunComesFromTheCacheAndRestoresTheSessionState() throws {
        let data = try RunnerFixtures.dataFolder()
        let cache = CellCache(folder: try RunnerFixtures.folder())
        let first = RunnerFixtures.run(Self.notebook("restore"), data: data, cache: cache)
        #expect(first.succeeded)
        #expect(RunnerFixtures.fits.value("restore") == 1)
        #expect(first.cells[1].cacheEvents.map(\.summary) == ["fit restore: computed (no entry)"])

        let second = RunnerFixtures.run(Self.notebook("restore"), data: data, cache: cache)
        #expect(RunnerFixtures.fits.value("restore") == 1, "a hit must not compute")
        #expect(second.cells[1].cacheEvents.map(\.summary) == ["fit restore: from cache"])
        #expect(second.cells.map(\.results) == first.cells.map(\.results))
        // The table in the last cell is built from session state the cached cell restored.
        guard case .table(let scores) = second.cells[2].results.first else {
            Issue.record("no scores table")
            return
        }
        #expect(scores.rows == [[.text("restore"), .decimal(0.5 * 1.7)]])
    }

    @Test func withoutACacheEveryRunComputes() throws {
        let data = try RunnerFixtures.dataFolder()
        _ = RunnerFixtures.run(Self.notebook("nocache"), data: data, cache: nil)
        let second = RunnerFixtures.run(Self.notebook("nocache"), data: data, cache: nil)
        #expect(RunnerFixtures.fits.value("nocache") == 2)
        #expect(second.cells[1].cacheEvents.isEmpty)
    }

    @Test func aCorruptEntryIsDroppedRecomputedAndReplaced() throws {
        let data = try RunnerFixtures.dataFolder()
        let folder = try RunnerFixtures.folder()
        let cache = CellCache(folder: folder)
        let first = RunnerFixtures.run(Self.notebook("corrupt"), data: data, cache: cache)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".entry") }
        #expect(entries.count == 1)
        let path = folder + "/" + entries[0]
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // Change one digit of the payload: still valid JSON, but not what was stored.
        let index = bytes.lastIndex(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "8") })!
        bytes[index] += 1
        try bytes.write(to: URL(fileURLWithPath: path))

        let second = RunnerFixtures.run(Self.notebook("corrupt"), data: data, cache: cache)
        #expect(second.cells[1].cacheEvents.map(\.reason) == [.corruptEntry])
        #expect(RunnerFixtures.fits.value("corrupt") == 2)
        #expect(second.cells.map(\.results) == first.cells.map(\.results), "a corrupt entry is never trusted")

        let third = RunnerFixtures.run(Self.notebook("corrupt"), data: data, cache: cache)
        #expect(third.cells[1].cacheEvents.map(\.hit) == [true], "the recomputed value replaced the entry")
    }

    @Test func garbageAndForeignEntriesAreDropped() throws {
        let data = try RunnerFixtures.dataFolder()
        let folder = try RunnerFixtures.folder()
        let cache = CellCache(folder: folder)
        _ = RunnerFixtures.run(Self.notebook("foreign"), data: data, cache: cache)
        let path = folder + "/" + (try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".entry") })!

        try RunnerFixtures.write("not a cache entry", to: path)
        let afterGarbage = RunnerFixtures.run(Self.notebook("foreign"), data: data, cache: cache)
        #expect(afterGarbage.cells[1].cacheEvents.map(\.reason) == [.corruptEntry])

        let text = try String(contentsOfFile: path, encoding: .utf8)
        try RunnerFixtures.write(text.replacingOccurrences(of: "recbook-cache/1", with: "recbook-cache/99"), to: path)
        let afterForeign = RunnerFixtures.run(Self.notebook("foreign"), data: data, cache: cache)
        #expect(afterForeign.cells[1].cacheEvents.map(\.reason) == [.foreignEntry])
        #expect(RunnerFixtures.fits.value("foreign") == 3)
    }

    @Test func aMissSaysWhichInputChanged() throws {
        let data = try RunnerFixtures.dataFolder()
        let cache = CellCache(folder: try RunnerFixtures.folder())
        func reason(_ run: NotebookRun) -> CacheEvent.Reason? { run.cells[1].cacheEvents.first?.reason }

        _ = RunnerFixtures.run(Self.notebook("why"), data: data, cache: cache)
        #expect(reason(RunnerFixtures.run(Self.notebook("why", loss: "0.6"), data: data, cache: cache)) == .cellChanged)
        #expect(
            reason(RunnerFixtures.run(Self.notebook("why", extra: "stats ratings"), data: data, cache: cache))
                == .earlierCellChanged)
        #expect(
            reason(RunnerFixtures.run(Self.notebook("why"), data: data, cache: cache, engineBuild: "rebuilt")) == .engineChanged)
        _ = RunnerFixtures.run(Self.notebook("why"), data: data, cache: cache)
        try RunnerFixtures.write(RunnerFixtures.ratingsCSV + "u4,m1,2\n", to: data + "/user_movies.csv")
        #expect(reason(RunnerFixtures.run(Self.notebook("why"), data: data, cache: cache)) == .dataChanged)
        #expect(reason(RunnerFixtures.run(Self.notebook("why"), data: data, cache: cache)) == nil, "then a hit")
    }

    @Test func parameterOverridesAreInTheKey() throws {
        let data = try RunnerFixtures.dataFolder()
        let cache = CellCache(folder: try RunnerFixtures.folder())
        let notebook = Self.notebook("params", loss: "$loss", extra: "params loss=0.5")
        _ = RunnerFixtures.run(notebook, data: data, cache: cache)
        let overridden = RunnerFixtures.run(notebook, data: data, parameters: ["loss": "0.9"], cache: cache)
        #expect(overridden.cells[1].cacheEvents.first?.reason == .parametersChanged)
        guard case .metrics(let metrics) = overridden.cells[1].results.first else {
            Issue.record("no metrics")
            return
        }
        #expect(metrics.metrics[0].value == 0.9 * 1.7)
    }

    /// A second render with the cache computes nothing: the one expensive step comes from the
    /// cache (counted, not timed: speed is the benchmarks' business), and the report is identical
    /// apart from run metadata (wall time, peak memory, cache use).
    @Test func aSecondRenderComputesNothingAndIsIdenticalApartFromRunMetadata() throws {
        let data = try RunnerFixtures.dataFolder()
        let cache = CellCache(folder: try RunnerFixtures.folder())
        let notebook = Self.notebook("again")
        let first = RunnerFixtures.run(notebook, data: data, cache: cache)
        let second = RunnerFixtures.run(notebook, data: data, cache: cache)
        #expect(first.succeeded && second.succeeded)
        #expect(first.cells.flatMap(\.cacheEvents).map(\.summary) == ["fit again: computed (no entry)"])
        #expect(second.cells.flatMap(\.cacheEvents).map(\.summary) == ["fit again: from cache"])
        #expect(RunnerFixtures.fits.value("again") == 1, "the second render must not fit")

        #expect(
            ReportText.withoutRunMetadata(html: HTMLPage.render(first))
                == ReportText.withoutRunMetadata(html: HTMLPage.render(second)))
        #expect(HTMLPage.render(first) != HTMLPage.render(second), "the cache note differs, inside the timing span")
        let twins = try [first, second].map {
            try ReportText.withoutRunMetadata(json: ReportTwin.encoder().encode(ReportTwin($0)))
        }
        #expect(twins[0] == twins[1])
        #expect(MarkdownReport.render(first).count > 0)
    }
}
