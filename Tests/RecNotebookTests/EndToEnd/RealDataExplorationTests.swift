import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// Notebook 01 rendered on the real Douban subset equals what pandas computes independently
/// (`scripts/reference/exploration.py` -> `Tests/Fixtures/douban-exploration.json`).
@Suite(.requires(.douban))
struct RealDataExplorationTests {
    struct Reference: Decodable {
        struct Movies: Decodable {
            var listed: Int
            var max_score: Double
            var min_score: Double
            var mean_score: Double
            var above_8: [Listed]
        }
        struct Listed: Decodable {
            var movieId: String
            var score: Double
            var title: String
        }
        struct Ratings: Decodable {
            var rows: Int
            var users: Int
            var movies: Int
            var min: Double
            var max: Double
            var mean: Double
            var histogram: [String: Int]
            var replaced_minus_one: Int
        }
        struct Ranked: Decodable {
            var movie: Int
            var movieId: String
            var mean: Double
            var count: Int
            var score: Double
            var title: String
        }
        var movies: Movies
        var ratings: Ratings
        var mean_rating_ranking: [Ranked]
    }

    let reference: Reference
    let twin: ReportTwin

    init() throws {
        reference = try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: TestPaths.fixtures.appendingPathComponent("douban-exploration.json")))
        let out = try TestPaths.temporaryFolder()
        let outcome = try ReportRenderer.render(
            notebook: TestPaths.repository.appendingPathComponent("notebooks/01-data-exploration.md").path,
            options: .init(dataFolder: TestPaths.douban.path, outFolder: out.path, keepGoing: false))
        precondition(outcome.succeeded, "notebook 01 failed: \(String(describing: outcome.error))")
        twin = try ReportTwin.decoder().decode(
            ReportTwin.self, from: Data(contentsOf: out.appendingPathComponent("01-data-exploration.json")))
    }

    private func results(_ kind: String, titled title: String) -> ReportTwin.Result? {
        twin.cells.flatMap(\.results).first { $0.kind == kind && $0.title == title }
    }

    @Test func ratingCountsAndRange() throws {
        let stats = try #require(results("metrics", titled: "Ratings")?.metrics)
        #expect(stats["ratings"] == Double(reference.ratings.rows))
        #expect(stats["distinct users"] == Double(reference.ratings.users))
        #expect(stats["distinct movies"] == Double(reference.ratings.movies))
        #expect(stats["min rating"] == reference.ratings.min && stats["max rating"] == reference.ratings.max)
        #expect(String(format: "%.6f", stats["mean rating"]!) == String(format: "%.6f", reference.ratings.mean))
        #expect(String(format: "%.6f", reference.ratings.mean) == "3.777824")
    }

    @Test func histogramCounts() throws {
        let chart = try #require(results("bar-chart", titled: "Ratings per rating value"))
        let counts = Dictionary(uniqueKeysWithValues: zip(chart.labels!, chart.series![0].values.map { Int($0!) }))
        #expect(counts == reference.ratings.histogram)
    }

    @Test func doubanScoresAndTheMoviesAboveEight() throws {
        let scores = try #require(results("metrics", titled: "Douban scores")?.metrics)
        #expect(scores["listed movies"] == 166 && Double(reference.movies.listed) == 166)
        #expect(scores["max score"] == reference.movies.max_score && scores["min score"] == reference.movies.min_score)
        #expect(String(format: "%.6f", scores["mean score"]!) == "6.700602")
        let table = try #require(results("table", titled: "Movies with score > 8"))
        #expect(table.rows?.count == 21 && reference.movies.above_8.count == 21)
        for (row, expected) in zip(table.rows!, reference.movies.above_8) {
            #expect(row[1] == .text(expected.movieId) && row[2] == .number(expected.score) && row[3] == .text(expected.title))
        }
    }

    @Test func meanRatingRankingAfterTheCleanUp() throws {
        let replaced = try #require(results("metrics", titled: "Replaced")?.metrics)
        #expect(replaced["ratings changed from -1 to 1"] == Double(reference.ratings.replaced_minus_one))
        let table = try #require(twin.cells.flatMap(\.results).first { $0.title?.hasPrefix("Top") == true && $0.kind == "table" })
        let rows = try #require(table.rows)
        #expect(rows.count == reference.mean_rating_ranking.count)
        for (row, expected) in zip(rows, reference.mean_rating_ranking) {
            #expect(row[1] == .number(Double(expected.movie)) && row[2] == .text(expected.movieId))
            guard case .number(let mean) = row[3] else {
                Issue.record("mean is not a number")
                continue
            }
            #expect(abs(mean - expected.mean) < 5e-7)
            #expect(
                row[4] == .number(Double(expected.count)) && row[5] == .number(expected.score) && row[6] == .text(expected.title))
        }
        // The two films whose rows are complete in the subset match the article's full-data means.
        #expect(String(format: "%.6f", reference.mean_rating_ranking[0].mean) == "3.941917")
        #expect(reference.mean_rating_ranking[0].title == "小王子")
        #expect(String(format: "%.6f", reference.mean_rating_ranking[1].mean) == "3.941343")
        #expect(reference.mean_rating_ranking[1].title == "秘密特工")
    }
}
