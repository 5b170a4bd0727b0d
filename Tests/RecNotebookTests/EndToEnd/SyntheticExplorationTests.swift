import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// With no real files, notebook 01 runs on the synthetic `douban` preset at the article's scale
/// and says so.
@Suite struct SyntheticExplorationTests {
    @Test func notebookOneRunsOnTheDoubanPresetWithTheArticlesCounts() throws {
        let out = try TestPaths.temporaryFolder()
        let empty = try TestPaths.temporaryFolder()
        let outcome = try ReportRenderer.render(
            notebook: TestPaths.repository.appendingPathComponent("notebooks/01-data-exploration.md").path,
            options: .init(dataFolder: empty.path, outFolder: out.path, keepGoing: false))
        #expect(outcome.succeeded, "\(String(describing: outcome.error))")
        let twin = try ReportTwin.decoder().decode(
            ReportTwin.self, from: Data(contentsOf: out.appendingPathComponent("01-data-exploration.json")))
        #expect(twin.provenance.banner?.hasPrefix("Synthetic data:") == true)
        #expect(twin.provenance.sources.map(\.synthetic) == ["douban", "douban"])
        let stats = try #require(twin.cells.flatMap(\.results).first { $0.title == "Ratings" }?.metrics)
        #expect(stats["ratings"] == 1_007_397)
        #expect(stats["distinct users"] == 223_239)
        #expect(stats["distinct movies"] == 165)
        let scores = try #require(twin.cells.flatMap(\.results).first { $0.title == "Douban scores" }?.metrics)
        #expect(scores["listed movies"] == 166)
    }
}
