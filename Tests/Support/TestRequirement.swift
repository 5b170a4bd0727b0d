import Foundation
import Testing

/// Something a test needs that a checkout may lack: the shared data beside it, pyspark,
/// nbformat or chromium.
///
/// A local run without it skips the test and says why. CI sets `RECBOOK_REQUIRE_DATA=1`
/// (`.ci/run`), and then a missing requirement fails the test with a message naming it, so a
/// CI machine that lost its data cannot pass by skipping.
public struct TestRequirement: Sendable {
    /// What is missing, as a user would look for it (`../shared/data/douban`).
    public var name: String
    /// How to get it.
    public var remedy: String
    /// Whether it is there.
    public var present: Bool

    /// The environment variable that turns a missing requirement into a failure.
    public static let switchName = "RECBOOK_REQUIRE_DATA"

    public init(name: String, remedy: String, present: Bool) {
        self.name = name
        self.remedy = remedy
        self.present = present
    }

    public static let douban = TestRequirement(
        name: "../shared/data/douban", remedy: "put the Douban files there", present: TestPaths.doubanPresent)
    public static let movieLens100K = TestRequirement(
        name: "../shared/data/movielens-100k", remedy: "put MovieLens 100K there", present: TestPaths.movieLens100KPresent)
    public static let movieLensLatestSmall = TestRequirement(
        name: "../shared/data/movielens-latest-small", remedy: "put MovieLens latest-small there",
        present: TestPaths.movieLensLatestSmallPresent)
    public static let spark = TestRequirement(
        name: "pyspark in .venv", remedy: "run `make spark`", present: TestPaths.sparkPresent)
    public static let nbformat = TestRequirement(
        name: "nbformat in .venv", remedy: "run `make spark` (it installs nbformat beside pyspark)",
        present: TestPaths.nbformatPresent)
    public static let chromium = TestRequirement(
        name: "chromium", remedy: "apt-get install chromium (`make browser-check` does)", present: TestPaths.chromiumPresent)

    /// What a test that needs this does.
    public enum Decision: Equatable, Sendable {
        case run
        case skip
        case fail(String)
    }

    /// Run when present; when absent, skip unless `RECBOOK_REQUIRE_DATA` is `1` (any other
    /// value, or none, is a local run).
    public func decision(environment: [String: String] = ProcessInfo.processInfo.environment) -> Decision {
        if present { return .run }
        guard environment[Self.switchName] == "1" else { return .skip }
        return .fail("\(name) is missing and \(Self.switchName)=1 says every test must run: \(remedy)")
    }

    /// The test's condition: `true` to run, `false` to skip; throws to fail the test.
    public func shouldRun() throws -> Bool {
        switch decision() {
        case .run: return true
        case .skip: return false
        case .fail(let message): throw Missing(message: message)
        }
    }

    /// The error that fails a test whose requirement is missing on CI.
    public struct Missing: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when `requirement` is there; otherwise skips it, or on CI fails it.
    public static func requires(_ requirement: TestRequirement) -> Self {
        .enabled(Comment(rawValue: "needs \(requirement.name)")) { try requirement.shouldRun() }
    }
}
