import Testing

@testable import RecEngine

/// Item CF's evaluation and its movie-mean yardstick, on a table small enough to work by hand.
@Suite struct ItemCFEvaluationTests {
    /// Training: u0 rates m0=4, m1=2; u1 rates m0=2; u2 and m2 have no training rating.
    private let train = ItemCFTestData.table([(0, 0, 4), (0, 1, 2), (1, 0, 2)], users: 3, movies: 3)
    /// Test: u1 on m1 (the baseline says m1's mean, 2) and u2 on m0 (u2 is unseen: the fallback).
    private let test = ItemCFTestData.table([(1, 1, 3), (2, 0, 5)], users: 3, movies: 3)

    @Test func theBaselineKnowsOnlyUsersAndMoviesWithATrainingRating() throws {
        let baseline = KnownUserMovieMeans(matrix: RatingMatrix(train), means: [3, 2, .nan])
        #expect(try baseline.estimate(user: 1, movie: 1) == 2)
        #expect(throws: EstimateError.unknownUser(2)) { try baseline.estimate(user: 2, movie: 0) }
        #expect(throws: EstimateError.unknownMovie(2)) { try baseline.estimate(user: 0, movie: 2) }
    }

    @Test func withoutNeighboursKNNScoresAsTheBaselineDoes() throws {
        // m0 and m1 share one rater: no correlation, so no neighbour anywhere.
        let model = try ItemKNN.fit(train, config: .init(neighbours: 5, minPeriods: 1))
        let evaluation = try ItemCFEvaluation(model: model, train: train, test: test, ranking: .init(cutoff: 2))
        #expect(evaluation.ratingsWithNeighbours == 0)
        // |3 - 2| for u1 on m1; |5 - 8/3| for u2, who falls back to the training mean 8/3.
        #expect(abs(evaluation.errors.metrics.mae - (1 + 7.0 / 3) / 2) < 1e-12)
        #expect(evaluation.errors.estimated == 1)
        #expect(evaluation.errors == evaluation.baselineErrors)
    }

    @Test func aBadRankingSettingIsNamed() throws {
        let model = try ItemKNN.fit(train, config: .init(neighbours: 5, minPeriods: 1))
        #expect(throws: ConfigError(setting: "k", allowed: "at least 1", given: "0")) {
            try ItemCFEvaluation(model: model, train: train, test: test, ranking: .init(cutoff: 0))
        }
    }
}
