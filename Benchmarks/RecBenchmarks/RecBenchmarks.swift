import Benchmark
import Foundation
import RecEngine

// Goals on the 2-core reference machine (figures in the README's "Performance" section):
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

    Benchmark("Synthesize douban preset", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SyntheticDouban.generate(.douban))
        }
    }
}
