import Foundation
import RecTestSupport
import Testing

/// `recbook render` and `recbook check` with no notebooks named: the whole book in
/// `./recbook.yml`, each notebook on its own source.
@Suite(.serialized) struct BookCommandLineTests {
    /// A project: `two.md` runs on source `big` (five ratings) and `one.md` on `small` (three);
    /// the book lists `two.md` first.
    static func project(book: String? = nil) throws -> URL {
        let folder = try TestPaths.temporaryFolder()
        let files = [
            "data/small/user_movies.csv": "alice,101,4\nbob,101,2\ncarol,202,5\n",
            "data/big/user_movies.csv": "alice,101,4\nbob,101,2\ncarol,202,5\ndave,202,3\nerin,303,1\n",
            "notebooks/one.md": "---\ndata: small\n---\n# One\n\n```rec\nload ratings=user_movies.csv\n```\n",
            "notebooks/two.md": "---\ndata: big\n---\n# Two\n\n```rec\nload ratings=user_movies.csv\n```\n",
            "recbook.yml": book
                ?? """
                title: Tiny book
                sources:
                  small: [data/absent, data/small]
                  big: [data/big]
                notebooks:
                  - notebooks/two.md
                  - notebooks/one.md

                """,
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    /// The data folder and ratings count a rendered report's provenance names.
    static func provenance(_ folder: URL, _ name: String) throws -> (folder: String, ratings: Int) {
        let twin = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("output/\(name).json")))
        let provenance = (twin as? [String: Any])?["provenance"] as? [String: Any]
        let sources = provenance?["sources"] as? [[String: Any]]
        return (provenance?["dataFolder"] as? String ?? "", sources?.first?["rows"] as? Int ?? -1)
    }

    @Test func renderWithNoArgumentsRendersTheBookEachOnItsSource() throws {
        let folder = try Self.project()
        let run = try CommandRun.recbook(["render", "--no-cache"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try Self.provenance(folder, "one") == ("data/small", 3))
        #expect(try Self.provenance(folder, "two") == ("data/big", 5))
        let index = try String(contentsOf: folder.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(index.contains("<title>Tiny book</title>"))
        #expect(index.contains("<h1>Tiny book</h1>"))
        let two = try #require(index.range(of: "two.html"))
        let one = try #require(index.range(of: "one.html"))
        #expect(two.lowerBound < one.lowerBound, "the book's order, not the names'")

        let check = try CommandRun.recbook(["check"], in: folder)
        #expect(check.status == 0, "\(check.output)\(check.errors)")
        #expect(check.output.contains("check: 2 notebook(s) match their reports"))
    }

    @Test func nameEqualsDirPutsOneSourceElsewhere() throws {
        let folder = try Self.project()
        let run = try CommandRun.recbook(["render", "--no-cache", "--data", "big=data/small"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try Self.provenance(folder, "two") == ("data/small", 3))
        #expect(try Self.provenance(folder, "one") == ("data/small", 3))
    }

    @Test func aNotebookNamedAloneStillRunsOnItsBookSource() throws {
        let folder = try Self.project()
        let run = try CommandRun.recbook(["render", "--no-cache", "notebooks/two.md"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(try Self.provenance(folder, "two") == ("data/big", 5))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/one.json").path))
    }

    @Test func aBadBookFileExitsOneNamingItsLine() throws {
        let folder = try Self.project(
            book: "title: Tiny book\nsources:\n  small: [data/small]\nnotebooks:\n  - notebooks/three.md\n")
        let run = try CommandRun.recbook(["render"], in: folder)
        #expect(run.status == 1)
        #expect(run.errors == "Error: recbook.yml:5: notebook notebooks/three.md does not exist\n")
    }
}
