// swift-tools-version: 6.1
// Benchmarks live in their own package so that `swift build` and `swift test` of recbook never
// pull in package-benchmark. Run them with `make bench` (or `swift package benchmark` here).
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which depends on where recbook was cloned.
let recbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "RecBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmark("RecBenchmarks"),
        // 1M, 10M and 50M synthetic ratings: `make bench-scale`.
        benchmark("ScaleBenchmarks"),
    ]
)

/// A package-benchmark executable in `Benchmarks/NAME/` (the plugin only finds targets there).
func benchmark(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            .product(name: "RecEngine", package: recbook),
            .product(name: "Benchmark", package: "benchmark"),
        ],
        path: name,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
