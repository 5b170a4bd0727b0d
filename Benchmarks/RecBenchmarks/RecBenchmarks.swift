import Benchmark
import Foundation
import RecEngine

// Goals on the 2-core reference machine (figures in docs/performance.md):
// - reading the douban preset's 1,007,397 ratings from disk: at most 0.25 s and 100 MB peak;
// - generating the douban preset: under 1 s.

/// The douban preset's ratings written once to a temporary file, so the reading benchmark
/// measures what a user's `load` does: file bytes in, table out.
let doubanRatingsPath: String = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recbook-benchmarks")
    let path = folder.appendingPathComponent("douban-preset-user_movies.csv").path
    if !FileManager.default.fileExists(atPath: path) {
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try! SyntheticDouban.generate(.douban).ratingsCSV.write(to: URL(fileURLWithPath: path))
    }
    return path
}()

/// The douban preset's 80/20 split, as the notebooks make it (the ratings after -1 -> 1).
let doubanSplit: (train: RatingsTable, test: RatingsTable) = {
    let table = try! RatingsReader.read(path: doubanRatingsPath, format: .douban).table.replacingRatings(-1, with: 1).table
    let split = RatingSplit.holdout(rows: table.count, testFraction: 0.2, seed: 42)
    return (table.subset(split.train), table.subset(split.test))
}()

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident, .mallocCountTotal]
    let configuration = Benchmark.Configuration(metrics: metrics, maxDuration: .seconds(10), maxIterations: 20)

    Benchmark("Read douban preset ratings (1,007,397 rows)", configuration: configuration) { benchmark in
        let path = doubanRatingsPath
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try RatingsReader.read(path: path, format: .douban))
        }
    }

    // Goal: at most 0.3 s and 150 MB (pandas needs a dense 223,239 x 165 pivot).
    Benchmark("Pearson correlation 165 x 165, min_periods 100, douban preset", configuration: configuration) { benchmark in
        let table = try RatingsReader.read(path: doubanRatingsPath, format: .douban).table.replacingRatings(-1, with: 1).table
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try ItemCorrelation.ofRatings(table, minPeriods: 100))
        }
    }

    // Goal: at most 1 s and 500 MB (Spark local[2] needs 15-25 s for its first fit).
    Benchmark("ALS rank 10, 10 iterations, douban preset split", configuration: configuration) { benchmark in
        let train = doubanSplit.train
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try ALS.fit(train, config: ALSConfig(rank: 10, iterations: 10, regularization: 0.1, seed: 42)))
        }
    }

    Benchmark("Synthesize douban preset", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SyntheticDouban.generate(.douban))
        }
    }

    modelBenchmarks()
}
