// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "recbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "recbook", targets: ["RecBookCLI"]),
        .library(name: "RecEngine", targets: ["RecEngine"]),
        .library(name: "RecNotebook", targets: ["RecNotebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Debian's libcmark-dev, found through pkg-config; only RecNotebook/Markdown imports it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Software prefetch, an eight-lane square root and the neural model's dense layers with
        // AVX2 and FMA (Swift has none of them); see include/ for why each is there.
        .target(name: "CIntrinsics"),
        // SHA-256 (swift-crypto) decides the row-hash split, which Spark computes with its own `sha2`.
        .target(name: "RecEngine", dependencies: ["CIntrinsics", .product(name: "Crypto", package: "swift-crypto")]),
        // The Spark backend: a PySpark driver program recbook contains, started once per notebook
        // and spoken to in JSON lines (Foundation's Process: see SparkDriver for why).
        .target(name: "RecSpark", dependencies: ["RecEngine"]),
        .target(
            name: "RecNotebook",
            dependencies: [
                "RecEngine", "RecSpark", "CCmark",
                .product(name: "Crypto", package: "swift-crypto"),
                // The book file and notebooks' front matter; the engine never reads YAML.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `recbook preview`: serves the output folder over HTTP and pushes reloads; the engine and
        // the notebook library never depend on it.
        .target(
            name: "RecPreview",
            dependencies: ["RecNotebook", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "RecBookCLI",
            dependencies: [
                "RecEngine", "RecNotebook", "RecPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Paths to fixtures, shared data and the built binary, for both test targets.
        .target(name: "RecTestSupport", path: "Tests/Support"),
        .testTarget(name: "RecEngineTests", dependencies: ["RecEngine", "RecTestSupport"]),
        .testTarget(name: "RecNotebookTests", dependencies: ["RecNotebook", "RecEngine", "RecSpark", "RecTestSupport"]),
        .testTarget(name: "RecSparkTests", dependencies: ["RecSpark", "RecEngine", "RecTestSupport"]),
        .testTarget(name: "RecPreviewTests", dependencies: ["RecPreview", "RecNotebook", "RecTestSupport"]),
    ]
)
