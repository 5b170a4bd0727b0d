import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

@Suite struct BookTests {
    /// A project folder with two notebooks, `recbook.yml` holding `book`, and a `data/real` folder.
    static func project(_ book: String) throws -> URL {
        let folder = try TestPaths.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data/real"), withIntermediateDirectories: true)
        for name in ["a", "b"] {
            try Data("# \(name)\n".utf8).write(to: folder.appendingPathComponent("notebooks/\(name).md"))
        }
        try Data(book.utf8).write(to: folder.appendingPathComponent("recbook.yml"))
        return folder
    }

    static let good = """
        title: A small book
        timings: false
        sources:
          ratings: [data/missing, data/real]
          single: data/other
        notebooks:
          - notebooks/b.md
          - notebooks/a.md

        """

    @Test func aGoodFileReadsWithPathsBesideIt() throws {
        let folder = try Self.project(Self.good)
        let path = folder.appendingPathComponent("recbook.yml").path
        let book = try Book.load(path)
        #expect(book.title == "A small book")
        #expect(book.timings == false)
        #expect(book.notebooks == [folder.path + "/notebooks/b.md", folder.path + "/notebooks/a.md"])
        #expect(book.sources.map(\.name) == ["ratings", "single"])
        #expect(book.source(named: "ratings")?.folders == [folder.path + "/data/missing", folder.path + "/data/real"])
        #expect(book.source(named: "ratings")?.line == 4)
    }

    @Test func aSourceIsItsFirstFolderThatExistsElseItsFirst() throws {
        let folder = try Self.project(Self.good)
        let book = try Book.load(folder.appendingPathComponent("recbook.yml").path)
        #expect(book.source(named: "ratings")?.folder == folder.path + "/data/real")
        #expect(book.source(named: "single")?.folder == folder.path + "/data/other", "none exists: the first, for load to report")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("data/missing"), withIntermediateDirectories: true)
        #expect(book.source(named: "ratings")?.folder == folder.path + "/data/missing")
    }

    @Test(arguments: [
        ("title: x\nnotebooks: [notebooks/a.md\n", 3, "not valid YAML"),
        ("title: x\nnotebook:\n  - notebooks/a.md\n", 2, "unknown key `notebook` in the book. Did you mean `notebooks`?"),
        ("notebooks:\n  - notebooks/a.md\n  - notebooks/c.md\n", 3, "notebook notebooks/c.md does not exist"),
        ("notebooks:\n  - notebooks/a.md\n  - notebooks/a.md\n", 3, "notebook notebooks/a.md is listed twice; list it once"),
        ("timings: yes\nnotebooks: [notebooks/a.md]\n", 1, "timings must be true or false, not `yes`"),
        (
            "sources:\n  douban: [a]\n  douban: [b]\nnotebooks: [notebooks/a.md]\n", 2,
            "`douban` is given twice in the mapping that starts on this line"
        ),
        ("sources:\n  a/b: [a]\nnotebooks: [notebooks/a.md]\n", 2, "source name `a/b` must be letters"),
        ("title: x\n", 1, "the book lists no notebooks"),
    ])
    func aBadFileNamesItsLine(text: String, line: Int, message: String) throws {
        let folder = try Self.project(text)
        do {
            _ = try Book.parse(text, file: "recbook.yml", folder: folder.path)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.location == SourceLocation(file: "recbook.yml", line: line))
            let said = error.message.replacingOccurrences(of: folder.path + "/", with: "")
            #expect(said.hasPrefix(message), "\(said)")
        }
    }
}
