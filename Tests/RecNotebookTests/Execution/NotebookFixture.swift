import Foundation
import RecTestSupport

@testable import RecNotebook

/// A notebook and its data in a temporary folder, run or rendered the way the CLI does.
struct NotebookFixture {
    let folder: URL
    let notebook: String

    static let ratings = "alice,101,4\nbob,101,-1\ncarol,202,5\nalice,202,3\nbob,303,2\n"
    static let movies = "101,8.2,小王子\n202,7.0,<script>alert(1)</script>\n303,6.1,蚁人\n"

    init(cells: String, ratings: String = Self.ratings, movies: String = Self.movies) throws {
        folder = try TestPaths.temporaryFolder()
        try Data(ratings.utf8).write(to: folder.appendingPathComponent("user_movies.csv"))
        try Data(movies.utf8).write(to: folder.appendingPathComponent("hot_movies.csv"))
        notebook = folder.appendingPathComponent("test.md").path
        try Data("# Test notebook\n\nSome prose.\n\n\(cells)".utf8).write(to: URL(fileURLWithPath: notebook))
    }

    /// A cell as it sits in a notebook.
    static func cell(_ lines: String, info: String = "") -> String {
        "```rec\(info.isEmpty ? "" : " " + info)\n\(lines)\n```\n\n"
    }

    func run(keepGoing: Bool = false, allowOutsideData: Bool = false) throws -> NotebookRun {
        let text = try String(contentsOfFile: notebook, encoding: .utf8)
        let document = MarkdownParser.parse(text, file: "test.md")
        return NotebookRunner.run(
            document,
            context: RunContext(dataFolder: folder.path, notebookFile: "test.md", allowOutsideData: allowOutsideData),
            keepGoing: keepGoing)
    }

    /// The first error's message, as a user reads it.
    func error(allowOutsideData: Bool = false) throws -> String? {
        try run(allowOutsideData: allowOutsideData).firstError?.description
    }

    func render(out: URL) throws -> ReportRenderer.Outcome {
        try ReportRenderer.render(
            notebook: notebook, options: .init(dataFolder: folder.path, outFolder: out.path, keepGoing: false))
    }
}
