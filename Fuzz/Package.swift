// swift-tools-version: 6.0
// libFuzzer targets for recbook's parsers, in their own package so that the main build never
// compiles them (they have no `main` without -sanitize=fuzzer). Build and run: `make fuzz`.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which depends on where recbook was cloned.
let recbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name, dependencies: products.map { .product(name: $0, package: recbook) }, path: name)
}

let package = Package(
    name: "RecFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        fuzzTarget("FuzzDirectives", ["RecNotebook"]),
        fuzzTarget("FuzzNotebook", ["RecNotebook"]),
        fuzzTarget("FuzzRatingsCSV", ["RecEngine"]),
        fuzzTarget("FuzzMoviesCSV", ["RecEngine"]),
    ]
)
