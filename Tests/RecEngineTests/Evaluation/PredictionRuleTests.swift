import Foundation
import Testing

@testable import RecEngine

/// `PredictionRule` in `Predictor` and `HeldOutErrors`, on hand-made estimators.
@Suite struct PredictionRuleTests {
    /// Knows user 0 only (6 for movie 0, 4 for movie 1); its parameters score user 1 at 2.5.
    private struct KerasLike: RatingEstimator {
        func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
            guard user == 0 else { throw .unknownUser(user) }
            return movie == 0 ? 6 : 4
        }
        var estimatesUnseenAsTrained: Bool { true }
        func estimateAsTrained(user: Int, movie: Int) throws(EstimateError) -> Double {
            user == 0 ? try estimate(user: user, movie: movie) : 2.5
        }
    }

    /// Falls back for every unknown user; has no parameters for them.
    private struct MeansOnly: RatingEstimator {
        func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
            guard user == 0 else { throw .unknownUser(user) }
            return 4
        }
    }

    private let predictor = Predictor(model: KerasLike(), fallback: 3, scale: 1...5)

    @Test func standardRuleFallsBackAndClips() {
        #expect(predictor.rule == .standard)
        #expect(predictor.predict(user: 0, movie: 0) == .init(value: 5, estimated: true))
        #expect(predictor.predict(user: 1, movie: 0) == .init(value: 3, estimated: false))
    }

    @Test func kerasRuleScoresUnseenUsersFromTheirRowsAndDoesNotClip() throws {
        let keras = try predictor.following(.keras)
        #expect(keras.predict(user: 0, movie: 0) == .init(value: 6, estimated: true))
        #expect(keras.predict(user: 1, movie: 0) == .init(value: 2.5, estimated: true))
        let noFallbackButClipped = try predictor.following(PredictionRule(fallback: .none, clip: true))
        #expect(noFallbackButClipped.predict(user: 0, movie: 0).value == 5)
        #expect(noFallbackButClipped.predict(user: 1, movie: 0).value == 2.5)
        let unclippedWithFallback = try predictor.following(PredictionRule(fallback: .mean, clip: false))
        #expect(unclippedWithFallback.predict(user: 0, movie: 0).value == 6)
        #expect(unclippedWithFallback.predict(user: 1, movie: 0).value == 3)
    }

    @Test func noFallbackIsRefusedForAModelWithoutRowsForUnseenUsers() throws {
        let means = Predictor(model: MeansOnly(), fallback: 3, scale: 1...5)
        #expect(throws: PredictionRuleError.noParametersForUnseen) { try means.following(.keras) }
        // Turning clipping off alone is fine for any model.
        #expect(try means.following(PredictionRule(fallback: .mean, clip: false)).rule.clip == false)
    }

    /// Test rows (user, movie, rating): user 0 was in training, user 1 was not.
    private let test = ItemCFTestData.table([(0, 1, 5), (1, 0, 4), (0, 1, 3), (1, 1, 5)], users: 2, movies: 2)
    private let train = ItemCFTestData.table([(0, 0, 4)], users: 2, movies: 2)

    @Test func errorsSplitBySeenAndUnseenUsersAddUpToTheWhole() throws {
        // Standard: user 0 gets 4 (errors 1, 1), user 1 the fallback 3 (errors 1, 2).
        let standard = HeldOutErrors(predictor, test: test, train: train, threads: 2)
        let seen = try #require(standard.seenUsers)
        let unseen = try #require(standard.unseenUsers)
        #expect(seen.count == 2 && unseen.count == 2 && standard.estimated == 2)
        #expect(seen.mae == 1 && unseen.mae == 1.5 && standard.metrics.mae == 1.25)
        // Keras' rule: user 1 gets 2.5 (errors 1.5, 2.5); user 0 unchanged.
        let keras = HeldOutErrors(try predictor.following(.keras), test: test, train: train, threads: 2)
        #expect(keras.seenUsers == seen && keras.unseenUsers?.mae == 2 && keras.estimated == 4)
        #expect(keras.metrics.mae == 1.5 && keras.unseenUsers?.mse == 4.25 && unseen.mse == 2.5)
        for errors in [standard, keras] {
            let parts = [errors.seenUsers!, errors.unseenUsers!]
            let weighted = parts.map { $0.mae * Double($0.count) }.reduce(0, +) / Double(errors.metrics.count)
            #expect(abs(weighted - errors.metrics.mae) < 1e-12)
        }
    }

    @Test func withoutUnseenUsersOrOutOfRangePredictionsBothRulesAgree() throws {
        // Only user 0, and only movie 1 (estimate 4, inside 1...5).
        let seenOnly = ItemCFTestData.table([(0, 1, 5), (0, 1, 2)], users: 2, movies: 2)
        let standard = HeldOutErrors(predictor, test: seenOnly, train: train, threads: 1)
        let keras = HeldOutErrors(try predictor.following(.keras), test: seenOnly, train: train, threads: 1)
        #expect(standard.metrics == keras.metrics && standard.seenUsers == keras.seenUsers)
        #expect(standard.estimated == keras.estimated)
        // No unseen user: an empty part, whose errors are NaN.
        #expect(standard.unseenUsers?.count == 0 && keras.unseenUsers?.count == 0 && standard.seenUsers?.count == 2)
    }
}
