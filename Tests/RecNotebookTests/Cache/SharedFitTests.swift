import Foundation
import Testing

@testable import RecNotebook

/// A fit is a function of the training rows and the settings, not of the cell that asked for
/// it: a second notebook training the same model on the same split reuses the first's fit
/// (notebook 06 re-trains 05's models for its comparison), and never a fit of anything else.
@Suite struct SharedFitTests {
    static let data = "/nonexistent-recbook-data"

    static func notebook(prose: String, svdEpochs: Int = 2) -> String {
        """
        # \(prose)

        ```rec
        load ratings=r.csv movies=m.csv synth=small
        split test=0.2
        ```

        \(prose)

        ```rec
        train svd model=svd k=3 epochs=\(svdEpochs) batch=500
        train als model=als rank=3 iterations=2
        evaluate svd
        evaluate als
        ```
        """
    }

    @Test func anotherNotebookReusesTheSameFitsAndShowsTheSameNumbers() throws {
        let cache = CellCache(folder: try RunnerFixtures.folder())
        let first = RunnerFixtures.run(Self.notebook(prose: "First"), file: "first.md", data: Self.data, cache: cache)
        #expect(first.succeeded)
        #expect(first.cells[1].cacheEvents.map(\.hit) == [false, false])

        // Other prose and another file: the cell's own slot has no entry, the content does.
        let otherText = Self.notebook(prose: "Second, with other words")
        let second = RunnerFixtures.run(otherText, file: "second.md", data: Self.data, cache: cache)
        let events = second.cells[1].cacheEvents
        #expect(events.map(\.hit) == [true, true])
        #expect(events.map(\.sameAs) == ["first.md cell 2 +0 fit svd", "first.md cell 2 +1 fit als"])
        #expect(events[0].summary == "fit svd: from cache (the same computation as first.md cell 2 +0 fit svd)")
        let uncached = RunnerFixtures.run(otherText, file: "second.md", data: Self.data, cache: nil)
        #expect(second.cells.map(\.results) == uncached.cells.map(\.results))
    }

    @Test func otherSettingsOrAReplacedEntryAreNotReused() throws {
        let cache = CellCache(folder: try RunnerFixtures.folder())
        _ = RunnerFixtures.run(Self.notebook(prose: "First"), file: "first.md", data: Self.data, cache: cache)

        // Three epochs instead of two: another fit, computed into first.md's slot, where it
        // replaces the two-epoch fit. ALS is unchanged and found by its content.
        let edited = RunnerFixtures.run(
            Self.notebook(prose: "First", svdEpochs: 3), file: "first.md", data: Self.data, cache: cache)
        #expect(edited.cells[1].cacheEvents.map(\.hit) == [false, true])

        // The two-epoch reference now points at a slot holding the three-epoch fit: it is stale
        // and must not hand that fit to a notebook asking for two epochs.
        let text = Self.notebook(prose: "Third")
        let third = RunnerFixtures.run(text, file: "third.md", data: Self.data, cache: cache)
        #expect(third.cells[1].cacheEvents.map(\.hit) == [false, true])
        let uncached = RunnerFixtures.run(text, file: "third.md", data: Self.data, cache: nil)
        #expect(third.cells.map(\.results) == uncached.cells.map(\.results))
    }
}
