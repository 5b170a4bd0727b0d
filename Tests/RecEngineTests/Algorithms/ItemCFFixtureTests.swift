import Foundation
import Testing

@testable import RecEngine

// TestPaths lives in this target on this branch and in RecTestSupport on main; either way works.
#if canImport(RecTestSupport)
    import RecTestSupport
#endif

/// recbook's item CF against `Tests/Fixtures/douban-item-cf.json`, which
/// `scripts/reference/item_cf.py` computes independently with pandas on ../shared/data/douban.
@Suite struct ItemCFFixtureTests {
    struct Fixture: Decodable {
        struct Pivot: Decodable {
            var users: Int
            var movies: Int
            var cells: Int
        }
        struct Pair: Decodable {
            var a: String
            var b: String
            var common: Int
            var r: Double?
        }
        struct Rated: Decodable {
            var movieId: String
            var rating: Double
        }
        struct Entry: Decodable {
            var movieId: String
            var score: Double
        }
        struct Recommendation: Decodable {
            var user: Int
            var rated: [Rated]
            var ranking: [Entry]
        }
        struct Errors: Decodable {
            var mae: Double
            var rmse: Double
        }
        struct ItemKNN: Decodable {
            var test_rows: Int
            var neighbours: Int
            var knn: Errors
            var movie_mean: Errors
        }
        var min_periods: Int
        var item_knn: ItemKNN
        var pivot: Pivot
        var pairs: [Pair]
        var recommendations: [Recommendation]
    }

    /// The article's tolerance: pandas prints 6 decimals; we hold recbook to far less.
    static let tolerance = 1e-9

    private func fixture() throws -> Fixture {
        try JSONDecoder().decode(
            Fixture.self, from: Data(contentsOf: TestPaths.fixtures.appendingPathComponent("douban-item-cf.json")))
    }

    private func cleanedRatings() throws -> RatingsTable {
        let path = TestPaths.douban.appendingPathComponent("user_movies.csv").path
        return try RatingsReader.read(path: path, format: .douban).table.replacingRatings(-1, with: 1).table
    }

    private func load() throws -> (Fixture, RatingMatrix, ItemCorrelation, IdMap) {
        let fixture = try fixture()
        let table = try cleanedRatings()
        let matrix = RatingMatrix(table)
        let correlation = try ItemCorrelation(matrix, config: .init(minPeriods: fixture.min_periods))
        return (fixture, matrix, correlation, table.movieIds)
    }

    @Test(.requires(.douban))
    func pivotAndEveryCorrelationMatchPandas() throws {
        let (fixture, matrix, correlation, movies) = try load()
        #expect(matrix.userCount == fixture.pivot.users)
        #expect(matrix.movieCount == fixture.pivot.movies)
        #expect(matrix.cellCount == fixture.pivot.cells)
        #expect(fixture.pairs.count == movies.count * (movies.count + 1) / 2)
        for pair in fixture.pairs {
            let a = try #require(movies.index(of: pair.a))
            let b = try #require(movies.index(of: pair.b))
            #expect(correlation.common(a, b) == pair.common, "common raters of \(pair.a), \(pair.b)")
            if let expected = pair.r {
                #expect(abs(correlation[a, b] - expected) < Self.tolerance, "r(\(pair.a), \(pair.b))")
            } else {
                #expect(correlation[a, b].isNaN, "r(\(pair.a), \(pair.b)) should be NaN")
            }
        }
    }

    @Test(.requires(.douban))
    func itemBasedRecommendationsMatchPandas() throws {
        let (fixture, matrix, correlation, movies) = try load()
        let recommender = ItemBasedRecommender(matrix: matrix, correlation: correlation)
        #expect(fixture.recommendations.count >= 50)
        #expect(fixture.recommendations.contains { $0.user == 666 } && fixture.recommendations.contains { $0.user == 6666 })
        for expected in fixture.recommendations {
            let (rated, ratings) = matrix.row(expected.user)
            let got = Dictionary(uniqueKeysWithValues: zip(rated.map { movies.rawId(at: Int($0)) }, ratings.map(Double.init)))
            #expect(
                got == Dictionary(uniqueKeysWithValues: expected.rated.map { ($0.movieId, $0.rating) }), "user \(expected.user)")
            let ranking = recommender.ranking(user: expected.user)
            try #require(ranking.count == expected.ranking.count, "user \(expected.user)")
            for (position, (mine, theirs)) in zip(ranking, expected.ranking).enumerated() {
                #expect(abs(mine.score - theirs.score) < Self.tolerance, "user \(expected.user) at \(position)")
                // pandas' sort is not stable, so among equal scores only the set must agree.
                let tied = expected.ranking.filter { abs($0.score - theirs.score) < Self.tolerance }.map(\.movieId)
                #expect(tied.contains(movies.rawId(at: mine.movie)), "user \(expected.user) at \(position)")
            }
        }
    }

    /// The script replays recbook's split (master seed 42, the split verb's stream, 20% test)
    /// and item kNN in plain pandas; the errors must agree.
    @Test(.requires(.douban))
    func itemKNNErrorOnTheSeededSplitMatchesPandas() throws {
        let expected = try fixture().item_knn
        let table = try cleanedRatings()
        let split = RatingSplit.holdout(rows: table.count, testFraction: 0.2, seed: SplitMix64.derived(42, 0x5_0117))
        let train = table.subset(split.train)
        let test = table.subset(split.test)
        #expect(test.count == expected.test_rows)
        let model = try ItemKNN.fit(train, config: .init(neighbours: expected.neighbours, minPeriods: 100))
        let summary = train.summary()
        let errors = HeldOutErrors(
            Predictor(model: model, fallback: summary.mean, scale: summary.minimum...summary.maximum), test: test)
        #expect(abs(errors.metrics.mae - expected.knn.mae) < Self.tolerance)
        #expect(abs(errors.metrics.rmse - expected.knn.rmse) < Self.tolerance)
    }
}
