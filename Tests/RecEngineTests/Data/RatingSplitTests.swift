import Testing

@testable import RecEngine

@Suite struct RatingSplitTests {
    @Test func holdoutIsAPartitionWithTheCeilingTestSize() {
        let split = RatingSplit.holdout(rows: 11, testFraction: 0.2, seed: 42)
        #expect(split.test.count == 3)
        #expect(Set(split.train + split.test) == Set(0..<11))
        #expect(split.train.count + split.test.count == 11)
        #expect(split == RatingSplit.holdout(rows: 11, testFraction: 0.2, seed: 42))
        #expect(split != RatingSplit.holdout(rows: 11, testFraction: 0.2, seed: 43))
    }

    @Test func kFoldTestFoldsCoverEveryRowOnce() {
        let folds = RatingSplit.kFold(rows: 12, folds: 5, seed: 1)
        #expect(folds.map(\.test.count) == [3, 3, 2, 2, 2])
        #expect(folds.flatMap(\.test).sorted() == Array(0..<12))
        for fold in folds { #expect(Set(fold.train).isDisjoint(with: fold.test) && fold.train.count + fold.test.count == 12) }
    }

    @Test func errorMetricsByHand() {
        let metrics = ErrorMetrics(predicted: [3, 4, 5], actual: [4, 4, 3])
        #expect(metrics.mae == 1)
        #expect(metrics.mse == 5.0 / 3.0)
        #expect(abs(metrics.rmse - (5.0 / 3.0).squareRoot()) < 1e-15)
    }

    private struct Constant: RatingEstimator {
        func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
            if user == 9 { throw .unknownUser(user) }
            return 7
        }
    }

    @Test func predictorClipsAndFallsBack() {
        let predictor = Predictor(model: Constant(), fallback: 3.5, scale: 1...5)
        #expect(predictor.predict(user: 0, movie: 0) == .init(value: 5, estimated: true))
        #expect(predictor.predict(user: 9, movie: 0) == .init(value: 3.5, estimated: false))
    }
}
