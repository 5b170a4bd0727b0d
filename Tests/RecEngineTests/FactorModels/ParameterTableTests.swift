import Testing

@testable import RecEngine

/// `parameterTables` against the article's Keras `model.summary()` figures and against each
/// fitted model's own storage.
@Suite struct ParameterTableTests {
    /// The article's data: 223,239 users and 165 rated movies, k = 5.
    private func layout(_ kind: FactorModelConfig.Kind, units: Int = 0) -> FactorLayout {
        FactorLayout(kind: kind, users: 223_239, movies: 165, factors: 5, hiddenUnits: units)
    }

    private func counts(_ tables: [ParameterTable]) -> [ParameterTable.Role: Int] {
        Dictionary(uniqueKeysWithValues: tables.map { ($0.role, $0.count) })
    }

    @Test func svdHasTheArticlesTwoEmbeddings() {
        let tables = layout(.svd).parameterTables
        #expect(counts(tables) == [.userFactors: 1_116_195, .movieFactors: 825])
        #expect(tables.totalCount == 1_117_020)
        #expect(tables.trainedCount == 1_117_020)
    }

    @Test func rsvdIsTheArticlesCountPlusItsTrainedMean() {
        let tables = layout(.rsvd).parameterTables
        #expect(
            counts(tables) == [
                .userFactors: 1_116_195, .movieFactors: 825, .userBiases: 223_239, .movieBiases: 165, .globalMean: 1,
            ])
        // Keras' summary leaves out the article's μ (a Lambda's constant); recbook trains it.
        #expect(tables.filter { $0.role != .globalMean }.totalCount == 1_340_424)
        #expect(tables.totalCount == 1_340_425)
        #expect(tables.trainedCount == 1_340_425)
    }

    @Test func neuralWithFiftyUnitsHasTheArticlesLayers() {
        let tables = layout(.neural, units: 50).parameterTables
        #expect(
            counts(tables) == [
                .userFactors: 1_116_195, .movieFactors: 825, .userBiases: 223_239, .movieBiases: 165,
                .hiddenLayer: 650, .outputLayer: 51,
            ])
        #expect(tables.first { $0.role == .hiddenLayer }?.shapes == [[12, 50], [50]])
        #expect(tables.first { $0.role == .outputLayer }?.shapes == [[50, 1], [1]])
        #expect(tables.totalCount == 1_341_125)
    }

    @Test func everyLayoutsTablesCoverItsWholeBuffer() {
        for kind in FactorModelConfig.Kind.allCases {
            for (factors, units) in [(1, 1), (5, 50), (17, 80)] {
                let layout = FactorLayout(kind: kind, users: 31, movies: 7, factors: factors, hiddenUnits: units)
                #expect(layout.parameterTables.totalCount == layout.count, "\(kind) k=\(factors) units=\(units)")
            }
        }
    }

    /// Each family's tables add up to the numbers its fitted model holds.
    @Test func fittedModelsCountWhatTheyStore() throws {
        let table = ModelFixtures.known(users: 40, movies: 12, factors: 2, density: 0.6)
        let users = table.userCount
        let movies = table.movieCount
        let factor = try ModelConfig.factor(FactorModelConfig(kind: .neural, factors: 3, hiddenUnits: 4, epochs: 1))
            .fit(on: table, threads: 1)
        guard case .factor(let neural) = factor else { throw FitKindMismatch() }
        #expect(factor.parameterTables.totalCount == neural.parameters.count)

        let sgd = try ModelConfig.biasedSGD(BiasedSGDConfig(factors: 3, epochs: 1)).fit(on: table)
        #expect(sgd.parameterTables.totalCount == 1 + users + movies + 3 * (users + movies))
        #expect(sgd.parameterTables.trainedCount == users + movies + 3 * (users + movies))
        let biasesOnly = try ModelConfig.biasedSGD(BiasedSGDConfig(factors: 0, epochs: 1)).fit(on: table)
        #expect(biasesOnly.parameterTables.map(\.role) == [.globalMean, .userBiases, .movieBiases])

        let baseline = try ModelConfig.baseline(BaselineConfig()).fit(on: table)
        #expect(baseline.parameterTables.totalCount == 1 + users + movies)
        #expect(baseline.parameterTables.first { $0.role == .globalMean }?.trained == false)

        let means = try ModelConfig.movieMean.fit(on: table)
        #expect(means.parameterTables.map(\.count) == [movies])

        let als = try ModelConfig.als(ALSConfig(rank: 4, iterations: 1)).fit(on: table, threads: 1)
        #expect(als.parameterTables.map(\.count) == [users * 4, movies * 4])

        let knn = try ModelConfig.itemKNN(ItemKNN.Config(neighbours: 5, minPeriods: 2)).fit(on: table, threads: 1)
        #expect(knn.parameterTables.map(\.count) == [movies, movies * movies, table.count])
        #expect(knn.parameterTables.trainedCount == 0)
    }

    private struct FitKindMismatch: Error {}
}
