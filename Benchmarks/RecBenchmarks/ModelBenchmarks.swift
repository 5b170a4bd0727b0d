import Benchmark
import RecEngine

// Goals on the 2-core reference machine (issue 4; figures in docs/performance.md),
// each on the douban preset's seeded 80/20 split, peak memory under 500 MB throughout:
// - Keras-exact Adam RSVD, k=5, reg 1e-7, 45 epochs, batch 10,000: at most 10 s;
// - lazy Adam RSVD, the same settings: at most 1.5 s;
// - neural, k=5, 80 units, reg 0.01, 45 epochs, batch 10,000: at most 15 s exact, 6 s lazy;
// - Surprise-style SGD RSVD, k=10, 20 epochs: at most 1 s.
// Each fit takes seconds, so a few iterations are enough and keep `make bench` short.

/// The article's settings for the factor models, on one optimiser.
private func articleConfig(_ kind: FactorModelConfig.Kind, _ optimizer: FactorModelConfig.Optimizer) -> FactorModelConfig {
    kind == .neural
        ? FactorModelConfig(
            kind: .neural, factors: 5, regularization: 0.01, hiddenUnits: 80, epochs: 45, batchSize: 10_000,
            optimizer: optimizer, seed: 42)
        : FactorModelConfig(
            kind: .rsvd, factors: 5, regularization: 1e-7, epochs: 45, batchSize: 10_000, optimizer: optimizer, seed: 42)
}

let modelBenchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident, .mallocCountTotal]
    let configuration = Benchmark.Configuration(metrics: metrics, maxDuration: .seconds(30), maxIterations: 3)

    let factorRuns: [(String, FactorModelConfig)] = [
        ("RSVD k=5, 45 epochs, adam, douban preset split", articleConfig(.rsvd, .adam)),
        ("RSVD k=5, 45 epochs, lazy-adam, douban preset split", articleConfig(.rsvd, .lazyAdam)),
        ("Neural k=5 80 units, 45 epochs, adam, douban preset split", articleConfig(.neural, .adam)),
        ("Neural k=5 80 units, 45 epochs, lazy-adam, douban preset split", articleConfig(.neural, .lazyAdam)),
    ]
    for (name, config) in factorRuns {
        Benchmark(name, configuration: configuration) { benchmark in
            let train = doubanSplit.train
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try FactorTrainer.fit(config, on: train, threads: 2))
            }
        }
    }

    Benchmark("Biased SGD (Surprise SVD) k=10, 20 epochs, douban preset split", configuration: configuration) { benchmark in
        let train = doubanSplit.train
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try BiasedSGDModel.fit(BiasedSGDConfig(factors: 10, epochs: 20, seed: 42), on: train))
        }
    }
}
