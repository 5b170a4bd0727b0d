import Foundation
import Testing

@testable import RecEngine

/// `fixed-mean=V`: RSVD's global bias stays at V, as the article's Keras model keeps its random constant.
@Suite struct FixedGlobalBiasTests {
    @Test(arguments: [FactorModelConfig.Optimizer.adam, .lazyAdam])
    func aFixedMeanStaysAtItsStartAndATrainedOneMoves(optimizer: FactorModelConfig.Optimizer) throws {
        let table = ModelFixtures.known(users: 20, movies: 10)
        var config = FactorModelConfig(
            kind: .rsvd, factors: 3, regularization: 1e-7, epochs: 30, batchSize: 50, optimizer: optimizer)
        let trained = try FactorTrainer.fit(config, on: table)
        config.fixedGlobalBias = 0.3745
        let fixed = try FactorTrainer.fit(config, on: table)
        let index = trained.layout.globalBias.lowerBound
        let start = FactorTrainer.initialParameters(trained.layout, seed: config.seed)[index]
        #expect(fixed.parameters[index] == 0.3745)
        #expect(trained.parameters[index] != start)
        #expect(fixed.parameters != trained.parameters, "the rest of the model learns around the fixed mean")
        #expect(config.summary.hasSuffix("mean fixed at 0.3745"))
    }

    @Test func onlyRSVDHasAMeanToFix() {
        var config = FactorModelConfig(kind: .svd)
        config.fixedGlobalBias = 0.5
        #expect(throws: ConfigError.self) { try config.validate() }
    }
}
