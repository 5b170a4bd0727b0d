import Foundation

/// Where the repository, its fixtures and the shared data are, seen from a test file.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    static let douban = repository.appendingPathComponent("../shared/data/douban").standardized
    static let doubanPresent = FileManager.default.fileExists(atPath: douban.appendingPathComponent("user_movies.csv").path)

    static func temporaryFile(_ name: String, _ contents: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recbook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }
}
