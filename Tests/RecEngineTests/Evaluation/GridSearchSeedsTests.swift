import Testing

@testable import RecEngine

/// `GridSearch.run(seeds:)`: each setting fitted once per seed, ranked by the mean.
@Suite struct GridSearchSeedsTests {
    private let table = ModelFixtures.known(users: 60, movies: 20, factors: 2, density: 0.5)

    private func candidates() -> [ModelConfig] {
        [1, 4].map { .factor(FactorModelConfig(kind: .rsvd, factors: $0, epochs: 20, batchSize: 32, learningRate: 0.05)) }
    }

    @Test func eachSeedIsOneFitAndTheRowIsTheirMean() throws {
        let seeds: [UInt64] = [1, 2, 3]
        let search = try GridSearch.run(candidates(), on: table, scoring: .validation(fraction: 0.2), seeds: seeds, threads: 1)
        for row in search.rows {
            #expect(row.seedScores.map(\.seed) == seeds)
            // Each seed's score is the one a single fit with that seed gets.
            for score in row.seedScores {
                let alone = try GridSearch.run([row.config.reseeded(score.seed)], on: table, scoring: .validation(fraction: 0.2))
                #expect(alone.rows[0].mae == score.mae && alone.rows[0].rmse == score.rmse)
            }
            let spread = try #require(row.spread(.mae))
            #expect(row.mae == spread.mean)
            #expect(spread.lowest == row.seedScores.map(\.mae).min() && spread.highest == row.seedScores.map(\.mae).max())
            #expect(row.learned == true)
            // Different seeds, different fits.
            #expect(Set(row.seedScores.map(\.mae)).count == seeds.count)
        }
        let means = search.rows.map(\.mae)
        #expect(search.best == means.firstIndex(of: means.min()!))
    }

    @Test func withoutSeedsEachSettingIsFittedOnceWithItsOwn() throws {
        let search = try GridSearch.run(candidates(), on: table, scoring: .validation(fraction: 0.2), threads: 1)
        #expect(search.rows.allSatisfy { $0.seedScores.isEmpty && $0.spread(.mae) == nil })
    }

    @Test func spreadIsThePopulationStandardDeviation() {
        // Mean 5, squared deviations 9 + 1 + 1 + 9 = 20 over 4: sd sqrt(5).
        let spread = ScoreSpread([2, 4, 6, 8])
        #expect(spread.mean == 5)
        #expect(spread.standardDeviation == (5.0).squareRoot())
        #expect(spread.lowest == 2 && spread.highest == 8)
    }
}
