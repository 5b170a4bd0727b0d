import Foundation
import Testing

@testable import RecEngine

/// What training leaves in the rows of a user with no training rating, which
/// `PredictionRule.keras` (fallback=none) scores from, as Keras' `model.evaluate` does.
@Suite struct UnseenRowsTests {
    /// The known problem with one more user (index 20) in the id map and no rating.
    private let table: RatingsTable = {
        var table = ModelFixtures.known(users: 20, movies: 10)
        table.userIds = IdMap(orderedRawIds: (0..<21).map(String.init))
        return table
    }()

    private func unseenRow(_ model: FactorModel) -> [Float] {
        let layout = model.layout
        let factors = layout.userFactors.lowerBound + 20 * layout.factors
        return Array(model.parameters[factors..<factors + layout.factors]) + [model.parameters[layout.userBias.lowerBound + 20]]
    }

    /// Keras' whole-table L2 pulls the row towards zero at every step; lazy Adam never touches
    /// it. With the article's reg = 1e-7 the L2 gradient (about 1e-8) is below Adam's epsilon
    /// (1e-7), so each step takes only about lr * 2 * reg / epsilon = 0.2% of the row (less while
    /// Adam's bias correction warms up): a few percent here, nearly all of it over the article's
    /// 3,645 steps.
    @Test(arguments: [FactorModelConfig.Optimizer.adam, .lazyAdam])
    func exactAdamShrinksTheUnseenUsersRowAndLazyAdamKeepsItsInitialValues(optimizer: FactorModelConfig.Optimizer) throws {
        let config = FactorModelConfig(
            kind: .rsvd, factors: 3, regularization: 1e-7, epochs: 60, batchSize: 100, optimizer: optimizer)
        let model = try FactorTrainer.fit(config, on: table)
        let initial = FactorTrainer.initialParameters(model.layout, seed: config.seed)
        let initialRow = unseenRow(
            FactorModel(
                config: config, layout: model.layout, parameters: initial, seenUsers: model.seenUsers,
                seenMovies: model.seenMovies, history: model.history))
        let row = unseenRow(model)
        #expect(initialRow.allSatisfy { abs($0) > 0.001 }, "uniform(-0.05, 0.05) rarely starts this close to 0")
        if optimizer == .adam {
            for (after, before) in zip(row, initialRow) {
                #expect(abs(after) < 0.995 * abs(before) && after.sign == before.sign, "from \(before) to \(after)")
            }
        } else {
            #expect(row == initialRow)
        }
        #expect(throws: EstimateError.unknownUser(20)) { try model.estimate(user: 20, movie: 0) }
        let asTrained = try model.estimateAsTrained(user: 20, movie: 0)
        #expect(asTrained.isFinite && model.estimatesUnseenAsTrained)
        #expect(throws: EstimateError.unknownUser(21)) { try model.estimateAsTrained(user: 21, movie: 0) }
    }
}
