import Foundation
import RecEngine
import RecSpark
import Testing

@testable import RecNotebook

/// The expensive model verbs (ALS fits, grid searches, cross-validation) go through the cache:
/// a second run restores them without fitting and reports exactly the same numbers.
@Suite struct ModelCacheTests {
    static let notebook = """
        # Models from the cache

        ```rec
        load ratings=r.csv movies=m.csv synth=small
        split test=0.2
        ```

        ```rec
        train als model=als rank=4 iterations=3
        evaluate als ranking=5
        recommend als user=5 n=5
        ```

        ```rec
        grid model=als rank=2,4 reg=0.1,0.05 iterations=2
        ```

        ```rec
        split folds=3
        crossvalidate als-cv model=als rank=2 iterations=2
        compare by=RMSE
        ```
        """

    @Test func alsGridAndCrossValidationAreRestoredFromTheCache() throws {
        let data = "/nonexistent-recbook-data"
        let cache = CellCache(folder: try RunnerFixtures.folder())
        let first = RunnerFixtures.run(Self.notebook, data: data, cache: cache)
        #expect(first.succeeded)
        let computed = first.cells.flatMap(\.cacheEvents)
        #expect(computed.map(\.name) == ["synthesize small", "fit als", "ranking als", "grid", "crossvalidate als-cv"])
        #expect(computed.allSatisfy { !$0.hit })

        let second = RunnerFixtures.run(Self.notebook, data: data, cache: cache)
        #expect(second.succeeded)
        #expect(second.cells.flatMap(\.cacheEvents).map(\.hit) == [true, true, true, true, true])
        // Evaluation, recommendations and the comparison are computed from the restored values.
        #expect(second.cells.map(\.results) == first.cells.map(\.results))
    }

    /// Ranking metrics (`evaluate ... ranking=K`, `item-evaluate`) from the cache are the ones
    /// computed without it, and a damaged entry is recomputed to the same figures.
    @Test func rankingFromTheCacheEqualsRankingComputedAndDamageIsRecomputed() throws {
        let data = "/nonexistent-recbook-data"
        let notebook = """
            ```rec
            load ratings=r.csv movies=m.csv synth=small
            split test=0.2
            ```

            ```rec
            train svd model=svd k=3 epochs=2 batch=500
            evaluate svd ranking=5
            train popularity model=movie-mean
            evaluate popularity ranking=5
            ```

            ```rec
            item-evaluate neighbours=5 min-periods=2 k=5
            compare
            ```
            """
        let uncached = RunnerFixtures.run(notebook, data: data, cache: nil)
        let folder = try RunnerFixtures.folder()
        let cache = CellCache(folder: folder)
        let first = RunnerFixtures.run(notebook, data: data, cache: cache)
        #expect(first.cells[1].cacheEvents.map(\.name) == ["fit svd", "ranking svd", "ranking popularity"])
        #expect(first.cells[2].cacheEvents.map(\.name) == ["item-evaluate"])
        let second = RunnerFixtures.run(notebook, data: data, cache: cache)
        #expect(second.cells[1].cacheEvents.map(\.hit) == [true, true, true])
        #expect(second.cells[2].cacheEvents.map(\.hit) == [true])
        #expect(first.cells.map(\.results) == uncached.cells.map(\.results))
        #expect(second.cells.map(\.results) == uncached.cells.map(\.results))

        for entry in try FileManager.default.contentsOfDirectory(atPath: folder) where entry.hasSuffix(".entry") {
            let path = folder + "/" + entry
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            bytes[bytes.count - 1] ^= 0xFF
            try bytes.write(to: URL(fileURLWithPath: path))
        }
        let damaged = RunnerFixtures.run(notebook, data: data, cache: cache)
        #expect(damaged.cells[1].cacheEvents.map(\.reason) == [.corruptEntry, .corruptEntry, .corruptEntry])
        #expect(damaged.cells[2].cacheEvents.map(\.reason) == [.corruptEntry])
        #expect(damaged.cells.map(\.results) == uncached.cells.map(\.results))
    }

    @Test func aSparkRunRoundTripsThroughCacheBytesAndDamageIsRefused() throws {
        let model = ALSModel(
            rank: 2, userFactors: [0.5, -1, 2, 0.25], movieFactors: [1, 1.5], userRated: [true, false], movieRated: [true])
        let run = SparkALSResult(
            predictions: [3.5, .nan, 4], model: model,
            timings: .init(startup: 8.5, fit: 12, predict: 2, total: 24), master: "local[2]", sparkVersion: "4.0.1")
        let bytes = try #require(run.cacheBytes())
        let restored = try #require(SparkALSResult.fromCache(bytes))
        #expect(restored.master == "local[2]" && restored.sparkVersion == "4.0.1" && restored.timings == run.timings)
        #expect(restored.predictions.count == 3 && restored.predictions[0] == 3.5 && restored.predictions[1].isNaN)
        #expect(restored.model.userFactors == model.userFactors && restored.model.movieFactors == model.movieFactors)
        #expect(try restored.model.estimate(user: 0, movie: 0) == model.estimate(user: 0, movie: 0))
        #expect(SparkALSResult.fromCache(bytes.dropLast()) == nil)
        #expect(SparkALSResult.fromCache(Data("{}\n".utf8)) == nil)
    }
}
