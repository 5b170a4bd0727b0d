import Foundation
import RecTestSupport
import Testing

@testable import RecEngine

/// Faithfulness to Surprise on MovieLens 100K (skipped when the data is absent, failed on CI).
enum MovieLensData {
    static let folder = TestPaths.movieLens100K

    static func ratings() throws -> RatingsTable {
        try RatingsReader.read(path: folder.appendingPathComponent("u.data").path, format: .movieLens100K).table
    }
}

@Suite struct SurpriseModelTests {
    @Test func sgdRecoversKnownFactors() throws {
        let table = ModelFixtures.known(noise: 0.1)
        let split = RatingSplit.holdout(rows: table.count, testFraction: 0.2, seed: 1)
        let train = table.subset(split.train)
        let test = table.subset(split.test)
        let config = BiasedSGDConfig(factors: 3, epochs: 200, learningRate: 0.01, regularization: 0.01, seed: 3)
        let model = try BiasedSGDModel.fit(config, on: train)
        let rmse = HeldOutEvaluation.errors(model, train: train, test: test).rmse
        #expect(rmse < 0.2, "test RMSE \(rmse) with noise 0.1")
    }

    @Test func baselineMatchesHandComputedAls() throws {
        // Two users, two movies; one ALS round with reg 0 gives exact means of residuals.
        let table = RatingsTable(
            users: [0, 0, 1], movies: [0, 1, 0], ratings: [4, 2, 3], userIds: IdMap(orderedRawIds: ["a", "b"]),
            movieIds: IdMap(orderedRawIds: ["x", "y"]))
        let model = try BaselineModel.fit(BaselineConfig(epochs: 1, userRegularization: 0, movieRegularization: 0), on: table)
        // mu = 3; b_x = ((4-3) + (3-3)) / 2 = 0.5, b_y = -1; b_a = ((4-3.5) + (2-2)) / 2 = 0.25, b_b = 3-3-0.5 = -0.5.
        #expect(abs(model.movieBias[0] - 0.5) < 1e-12 && abs(model.movieBias[1] + 1) < 1e-12)
        #expect(abs(model.userBias[0] - 0.25) < 1e-12 && abs(model.userBias[1] + 0.5) < 1e-12)
        #expect(abs(try model.estimate(user: 1, movie: 1) - 1.5) < 1e-12)
    }

    @Test func sgdDivergingLearningRateIsAnError() {
        let table = ModelFixtures.known(users: 40, movies: 30)
        #expect(throws: TrainingError.self) {
            try BiasedSGDModel.fit(BiasedSGDConfig(factors: 5, epochs: 20, learningRate: 50), on: table)
        }
    }

    @Test(.requires(.movieLens100K))
    func surpriseSVDSettingsMatchPublishedRMSE() throws {
        let table = try MovieLensData.ratings()
        let splits = RatingSplit.kFold(rows: table.count, folds: 5, seed: 2024)
        let result = try CrossValidation.run(.biasedSGD(BiasedSGDConfig()), on: table, splits: splits)
        // Surprise's table: SVD 0.934 RMSE, 0.737 MAE on ML-100K, 5-fold.
        #expect(abs(result.meanRMSE - 0.934) <= 0.004, "RMSE \(result.meanRMSE)")
        #expect(abs(result.meanMAE - 0.737) <= 0.004, "MAE \(result.meanMAE)")
    }

    @Test(.requires(.movieLens100K))
    func baselineOnlyMatchesPublishedRMSE() throws {
        let table = try MovieLensData.ratings()
        let splits = RatingSplit.kFold(rows: table.count, folds: 5, seed: 2024)
        let result = try CrossValidation.run(.baseline(BaselineConfig()), on: table, splits: splits)
        // Surprise's table: BaselineOnly 0.944 RMSE, 0.748 MAE.
        #expect(abs(result.meanRMSE - 0.944) <= 0.004, "RMSE \(result.meanRMSE)")
        #expect(abs(result.meanMAE - 0.748) <= 0.004, "MAE \(result.meanMAE)")
    }
}
