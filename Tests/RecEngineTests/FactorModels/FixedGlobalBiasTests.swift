import Foundation
import Testing

@testable import RecEngine

/// `mean=fixed`: RSVD's global bias keeps its random start, as the article's Keras model does.
@Suite struct FixedGlobalBiasTests {
    @Test(arguments: [FactorModelConfig.Optimizer.adam, .lazyAdam])
    func aFixedMeanStaysAtItsStartAndATrainedOneMoves(optimizer: FactorModelConfig.Optimizer) throws {
        let table = ModelFixtures.known(users: 20, movies: 10)
        var config = FactorModelConfig(
            kind: .rsvd, factors: 3, regularization: 1e-7, epochs: 30, batchSize: 50, optimizer: optimizer)
        let trained = try FactorTrainer.fit(config, on: table)
        config.fixesGlobalBias = true
        let fixed = try FactorTrainer.fit(config, on: table)
        let index = trained.layout.globalBias.lowerBound
        let start = FactorTrainer.initialParameters(trained.layout, seed: config.seed)[index]
        #expect(fixed.parameters[index] == start)
        #expect(trained.parameters[index] != start)
        #expect(fixed.parameters != trained.parameters, "the rest of the model learns around the fixed mean")
        #expect(config.summary.hasSuffix("fixed mean"))
    }

    @Test func onlyRSVDHasAMeanToFix() {
        var config = FactorModelConfig(kind: .svd)
        config.fixesGlobalBias = true
        #expect(throws: ConfigError.self) { try config.validate() }
    }
}
