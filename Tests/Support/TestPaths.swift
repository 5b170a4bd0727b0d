import Foundation

/// Where the repository, its fixtures and the shared data are, seen from a test file.
public enum TestPaths {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    public static let douban = repository.appendingPathComponent("../shared/data/douban").standardized
    public static let movieLens100K = repository.appendingPathComponent("../shared/data/movielens-100k").standardized
    public static let movieLens100KPresent = FileManager.default.fileExists(
        atPath: movieLens100K.appendingPathComponent("u.data").path)
    public static let movieLensLatestSmall = repository.appendingPathComponent("../shared/data/movielens-latest-small")
        .standardized
    public static let movieLensLatestSmallPresent = FileManager.default.fileExists(
        atPath: movieLensLatestSmall.appendingPathComponent("ratings.csv").path)
    /// The `recbook` executable that `swift build` (and `swift test`) put beside the test bundle.
    public static var recbook: URL {
        repository.appendingPathComponent(".build/debug/recbook")
    }
    public static let doubanPresent = FileManager.default.fileExists(
        atPath: douban.appendingPathComponent("user_movies.csv").path)

    /// The project virtualenv's spark-submit (`make spark`), when it has been installed.
    public static let sparkSubmit = repository.appendingPathComponent(".venv/bin/spark-submit").path
    public static let sparkPresent = FileManager.default.isExecutableFile(atPath: sparkSubmit)

    /// The project virtualenv's Python.
    public static let venvPython = repository.appendingPathComponent(".venv/bin/python").path
    /// Whether the virtualenv has nbformat (`make spark` installs it), which validates Jupyter exports.
    public static let nbformatPresent: Bool = {
        let lib = repository.appendingPathComponent(".venv/lib")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
        return FileManager.default.isExecutableFile(atPath: venvPython)
            && versions.contains { version in
                FileManager.default.fileExists(
                    atPath: lib.appendingPathComponent("\(version)/site-packages/nbformat/__init__.py").path)
            }
    }()
    /// Debian's `chromium` on PATH, for the headless browser checks.
    public static let chromiumPresent = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/chromium") }

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recbook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `contents` to `name` in a new temporary folder and returns the file's path.
    public static func temporaryFile(_ name: String, _ contents: Data) throws -> String {
        let url = try temporaryFolder().appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }
}
