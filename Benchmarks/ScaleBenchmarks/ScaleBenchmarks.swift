import Benchmark
import Foundation
import RecEngine

// Cost at 1M, 10M and 50M synthetic ratings in the douban preset's shape (users grow with the
// ratings, 165 rated movies): reading a written file, the 165 x 165 item correlation, one RSVD
// epoch (lazy Adam), one ALS iteration, each with its peak resident memory. Cost should grow
// linearly with the ratings. Goal (issue 7): 50M ratings read and ALS rank 10, 10 iterations in
// under 60 s and 8 GB; docs/performance.md has the measured figures.
//
// RECBOOK_SCALES picks the sizes in millions (default "1,10,50"); the 50M file is about 1 GB
// and is written once to the temporary folder, then reused.

let scales: [Int] = (ProcessInfo.processInfo.environment["RECBOOK_SCALES"] ?? "1,10,50")
    .split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }

/// The ratings file for `millions` million ratings, generated on first use.
func ratingsFile(millions: Int) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recbook-scale-benchmarks")
    let path = folder.appendingPathComponent("user_movies-\(millions)M.csv").path
    if !FileManager.default.fileExists(atPath: path) {
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = try! SyntheticDouban.generate(.doubanShaped(ratings: millions * 1_000_000))
        try! files.ratingsCSV.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
    return path
}

/// The ratings as the notebooks use them (after the -1 -> 1 clean-up).
func ratings(millions: Int) -> RatingsTable {
    try! RatingsReader.read(path: ratingsFile(millions: millions), format: .douban).table.replacingRatings(-1, with: 1)
        .table
}

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident]
    for millions in scales {
        // Few samples: at 50M one sample takes seconds and the spread is small next to the cost.
        let configuration = Benchmark.Configuration(
            metrics: metrics, warmupIterations: 0, maxDuration: .seconds(millions >= 10 ? 1 : 5),
            maxIterations: millions >= 10 ? 2 : 5)
        let label = "\(millions)M ratings"

        Benchmark("Read \(label)", configuration: configuration) { benchmark in
            let path = ratingsFile(millions: millions)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try RatingsReader.read(path: path, format: .douban))
            }
        }

        Benchmark("Item correlation 165 x 165, \(label)", configuration: configuration) { benchmark in
            let table = ratings(millions: millions)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try ItemCorrelation.ofRatings(table, minPeriods: 100))
            }
        }

        Benchmark("RSVD k=10 one epoch (lazy Adam, batch 10,000), \(label)", configuration: configuration) {
            benchmark in
            let table = ratings(millions: millions)
            let config = FactorModelConfig(
                kind: .rsvd, factors: 10, regularization: 0.0005, epochs: 1, batchSize: 10_000, learningRate: 0.002,
                optimizer: .lazyAdam)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try FactorTrainer.fit(config, on: table))
            }
        }

        Benchmark("ALS rank 10 one iteration, \(label)", configuration: configuration) { benchmark in
            let table = ratings(millions: millions)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try ALS.fit(table, config: ALSConfig(rank: 10, iterations: 1, regularization: 0.1, seed: 42)))
            }
        }
    }
}
