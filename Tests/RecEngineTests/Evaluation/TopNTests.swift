import Testing

@testable import RecEngine

@Suite struct TopNTests {
    /// Scores movie m as m / 2 rounded down, so 9 > 8 = ... and pairs tie.
    private struct HalfIndexScore: RatingEstimator {
        func estimate(user: Int, movie: Int) throws(EstimateError) -> Double { Double(movie / 2) }
    }

    private let predictor = Predictor(model: HalfIndexScore(), fallback: 0, scale: 0...10)

    @Test func ratedMoviesAreDroppedBeforeTheCut() {
        // By prediction: 8 and 9 (4), 6 and 7 (3), 4 and 5 (2), ... The user rated 9, 8 and 6.
        let top = TopN.unrated(predictor, user: 0, movieCount: 10, excluding: [9, 8, 6], count: 3)
        #expect(top.map(\.movie) == [7, 4, 5])
        #expect(top.map(\.prediction) == [3, 2, 2])
    }

    @Test func fewerComeBackOnlyWhenFewerAreUnrated() {
        let top = TopN.unrated(predictor, user: 0, movieCount: 4, excluding: [0, 3], count: 10)
        #expect(top.map(\.movie) == [2, 1])
        #expect(TopN.unrated(predictor, user: 0, movieCount: 2, excluding: [0, 1], count: 5).isEmpty)
    }
}
