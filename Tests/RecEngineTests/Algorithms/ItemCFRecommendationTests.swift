import Foundation
import Testing

@testable import RecEngine

@Suite struct ItemCFRecommendationTests {
    @Test func articleSumScoresDropRatedMoviesAndUndefinedOnes() throws {
        let matrix = RatingMatrix(ItemCFTestData.fourByFour)
        let correlation = try ItemCorrelation(matrix, config: .init(minPeriods: 2))
        let recommender = ItemBasedRecommender(matrix: matrix, correlation: correlation)
        // u3 rated A=5 and C=3. Column A: A 1, B 0.5, D -1 (C NaN); column C: all NaN.
        // Scores: A 5, B 2.5, D -5; A is rated, so B then D.
        #expect(recommender.scores(user: 3)[1] == 2.5)
        #expect(recommender.scores(user: 3)[2].isNaN)
        #expect(recommender.ranking(user: 3) == [ScoredMovie(movie: 1, score: 2.5), ScoredMovie(movie: 3, score: -5)])
        #expect(recommender.recommend(user: 3, count: 1) == [ScoredMovie(movie: 1, score: 2.5)])
        // u0 rated A, B, C: D gets A's -1 x 1 + B's 1 x 1 = 0.
        #expect(recommender.ranking(user: 0) == [ScoredMovie(movie: 3, score: 0)])
    }

    @Test func knnIsMeanCentredAndWeightedByCorrelation() throws {
        let model = try ItemKNN.fit(ItemCFTestData.fourByFour, config: .init(neighbours: 40, minPeriods: 2))
        // Means: A 11/4, B 2, C 3, D 3.
        #expect(model.means == [2.75, 2, 3, 3])
        // u0 for D: neighbours B (s = 1); A has s = -1 and C is NaN: 3 + 1 x (1 - 2) / 1 = 2.
        #expect(try model.estimate(user: 0, movie: 3) == 2)
        // u3 for B: neighbour A (s = 0.5): 2 + 0.5 x (5 - 2.75) / 0.5 = 4.25.
        #expect(try model.estimate(user: 3, movie: 1) == 4.25)
        // u3 for D: no positive neighbour, so D's mean.
        #expect(try model.estimate(user: 3, movie: 3) == 3)
        #expect(model.neighbourCount(user: 3, movie: 3) == 0)
        #expect(throws: EstimateError.unknownUser(9)) { try model.estimate(user: 9, movie: 0) }
    }

    @Test func knnKeepsTheKMostSimilarNeighbours() throws {
        // X = 0, Y = 1, Z = 2; v3 has not rated X.
        let table = ItemCFTestData.table(
            [
                (0, 0, 1), (0, 1, 1), (0, 2, 2), (1, 0, 2), (1, 1, 2), (1, 2, 1), (2, 0, 3), (2, 1, 4), (2, 2, 3),
                (3, 1, 5), (3, 2, 5),
            ],
            users: 4, movies: 3)
        // s(X, Y) over v0..v2: covariance 3, sums of squares 2 and 14/3: 3 / sqrt(28/3).
        // s(X, Z): covariance 1, sums of squares 2 and 2: 1/2. Means X 2, Y 3, Z 11/4.
        let sXY = 3 / (28.0 / 3).squareRoot()
        let one = try ItemKNN.fit(table, config: .init(neighbours: 1, minPeriods: 2))
        #expect(abs(one.correlation[0, 1] - sXY) < 1e-15 && one.correlation[0, 2] == 0.5)
        #expect(try one.estimate(user: 3, movie: 0) == 2 + (5 - 3))
        let two = try ItemKNN.fit(table, config: .init(neighbours: 2, minPeriods: 2))
        let expected = 2 + (sXY * (5 - 3) + 0.5 * (5 - 2.75)) / (sXY + 0.5)
        #expect(abs(try two.estimate(user: 3, movie: 0) - expected) < 1e-12)
        #expect(throws: ConfigError(setting: "neighbours", allowed: "at least 1", given: "0")) {
            try ItemKNN.fit(table, config: .init(neighbours: 0))
        }
    }
}

@Suite struct ScoredMovieOrderTests {
    @Test func higherFirstTiesByIndexNaNLast() {
        let entries = [
            ScoredMovie(movie: 4, score: .nan), ScoredMovie(movie: 3, score: 1), ScoredMovie(movie: 1, score: 2),
            ScoredMovie(movie: 0, score: 1), ScoredMovie(movie: 2, score: .nan),
        ]
        #expect(entries.sorted(by: ScoredMovie.ranksBefore).map(\.movie) == [1, 0, 3, 2, 4])
    }
}
