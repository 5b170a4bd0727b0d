import Foundation
import Testing

@testable import RecEngine

@Suite struct RankingMetricsTests {
    @Test func oneUserByHand() {
        // Top 3 of [3, 1, 4, ...] against {1, 2, 9}: one hit, at position 2.
        let m = RankingMetrics.user(ranked: [3, 1, 4, 2, 0], relevant: [1, 2, 9], cutoff: 3)
        #expect(m.precision == 1.0 / 3 && m.recall == 1.0 / 3)
        #expect(abs(m.ndcg - (1 / log2(3.0)) / (1 + 1 / log2(3.0) + 0.5)) < 1e-15)
        // AP@3: precision at the hit (1/2) over min(3, 3).
        #expect(m.averagePrecision == 1.0 / 6)
        // Fewer candidates than k: precision still divides by k.
        let short = RankingMetrics.user(ranked: [5, 6], relevant: [5], cutoff: 3)
        #expect(short.precision == 1.0 / 3 && short.recall == 1 && short.ndcg == 1 && short.averagePrecision == 1)
        let twoHits = RankingMetrics.user(ranked: [7, 8, 9], relevant: [7, 9], cutoff: 3)
        // Hits at 1 and 3: precision 1 and 2/3, over min(3, 2) = 2.
        let expected: Double = (1.0 + 2.0 / 3.0) / 2.0
        #expect(twoHits.averagePrecision == expected)
    }

    /// Scores each movie by its index, so rankings are known in advance.
    private struct IndexScore: RatingEstimator {
        func estimate(user: Int, movie: Int) throws(EstimateError) -> Double { Double(movie) }
    }

    @Test func evaluationOverUsersByHand() throws {
        let table = ItemCFTestData.table(
            [(0, 0, 5), (0, 1, 4), (0, 2, 2), (1, 1, 3), (1, 3, 5), (2, 2, 4), (1, 0, 4)], users: 3, movies: 4)
        let train = table.subset([0, 3, 6])
        let test = table.subset([1, 2, 4, 5])
        let evaluation = try RankingEvaluation(train: train, test: test, config: .init(cutoff: 2, relevantFrom: 4))
        let metrics = evaluation.evaluate(Predictor(model: IndexScore(), fallback: 0, scale: 0...10))
        // u0: candidates 1, 2, 3 -> top 2 = [3, 2], relevant {1}: all zero.
        // u1: candidates 2, 3 -> [3, 2], relevant {3}: precision 1/2, recall 1, NDCG 1, AP 1.
        // u2: no training rating: cold, left out.
        #expect(metrics.users == 2 && metrics.coldUsers == 1)
        #expect(metrics.precision == 0.25 && metrics.recall == 0.5 && metrics.ndcg == 0.5 && metrics.map == 0.5)
        // Movies 2 and 3 were shown, of 4.
        #expect(metrics.coverage == 0.5)
        #expect(throws: ConfigError(setting: "k", allowed: "at least 1", given: "0")) {
            try RankingEvaluation(train: train, test: test, config: .init(cutoff: 0))
        }
    }

    @Test func heldOutErrorsCountFallbacks() {
        let table = ItemCFTestData.table([(0, 0, 3), (0, 1, 5)], users: 1, movies: 2)
        struct OnlyMovieZero: RatingEstimator {
            func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
                if movie == 0 { return 4 }
                throw .unknownMovie(movie)
            }
        }
        let errors = HeldOutErrors(Predictor(model: OnlyMovieZero(), fallback: 2, scale: 1...5), test: table)
        // Errors 1 and 3: MAE 2, MSE 5.
        #expect(errors.estimated == 1 && errors.metrics.mae == 2 && errors.metrics.mse == 5)
    }
}
