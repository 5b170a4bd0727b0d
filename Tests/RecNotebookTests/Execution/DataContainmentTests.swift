import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// `load` reads only inside --data: a notebook written by someone else cannot pull other files
/// into its report by `..`, absolute paths or links, unless the user passes --allow-outside-data.
@Suite struct DataContainmentTests {
    /// A ratings file in a folder of its own, outside any fixture's data folder.
    private static func outsideFile() throws -> String {
        try TestPaths.temporaryFile("secret.csv", Data(NotebookFixture.ratings.utf8))
    }

    private static func escapeMessage(_ name: String) -> String {
        "test.md:6: `\(name)` resolves to "
    }

    @Test func dotDotOutOfTheDataFolderIsRefusedWithTheNotebookLine() throws {
        let secret = try Self.outsideFile()
        let relative = "../" + URL(fileURLWithPath: secret).deletingLastPathComponent().lastPathComponent + "/secret.csv"
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=\(relative)"))
        let error = try #require(try fixture.error())
        #expect(error.hasPrefix(Self.escapeMessage(relative)), "\(error)")
        #expect(error.contains("outside the data folder \(fixture.folder.path) (--data)"))
        #expect(error.contains("pass --allow-outside-data to read it anyway"))
    }

    @Test func anAbsolutePathElsewhereIsRefused() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=/etc/passwd"))
        let error = try #require(try fixture.error())
        #expect(error.hasPrefix("test.md:6: `/etc/passwd` resolves to /etc/passwd, outside the data folder"), "\(error)")
    }

    @Test func aLinkInsideTheDataFolderThatLeadsOutIsRefused() throws {
        let secret = try Self.outsideFile()
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=innocent.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: fixture.folder.appendingPathComponent("innocent.csv").path, withDestinationPath: secret)
        let error = try #require(try fixture.error())
        let realSecret = DataFolderPath.canonical(secret)
        #expect(error.hasPrefix("test.md:6: `innocent.csv` resolves to \(realSecret), outside the data folder"), "\(error)")
    }

    @Test func aMissingFileBehindDotDotIsRefusedBeforeSynthStandsIn() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=../../nowhere.csv synth=small"))
        let error = try #require(try fixture.error())
        #expect(error.hasPrefix(Self.escapeMessage("../../nowhere.csv")), "\(error)")
    }

    @Test func pathsThatStayInsideAreRead() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=./user_movies.csv"))
        #expect(try fixture.error() == nil)
        let absolute = fixture.folder.appendingPathComponent("user_movies.csv").path
        let byAbsolutePath = try NotebookFixture(cells: NotebookFixture.cell("load ratings=\(absolute)"))
        // Another fixture's folder is outside this one's data folder...
        #expect(try byAbsolutePath.error() != nil)
        // ...and its own file, named absolutely, is inside.
        let own = byAbsolutePath.folder.appendingPathComponent("user_movies.csv").path
        try Data(NotebookFixture.cell("load ratings=\(own)").utf8).write(
            to: URL(fileURLWithPath: byAbsolutePath.notebook))
        #expect(try byAbsolutePath.error() == nil)
    }

    @Test func aLinkThatStaysInsideIsRead() throws {
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=alias.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: fixture.folder.appendingPathComponent("alias.csv").path, withDestinationPath: "user_movies.csv")
        #expect(try fixture.error() == nil)
    }

    @Test func aDataFolderThatIsItselfALinkStillWorks() throws {
        let fixture = try NotebookFixture(cells: "")
        let link = try TestPaths.temporaryFolder().appendingPathComponent("data")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: fixture.folder.path)
        #expect(throws: Never.self) { try DataFolderPath.resolve("user_movies.csv", in: link.path, allowOutside: false).get() }
    }

    @Test func allowOutsideDataReadsTheFileAnyway() throws {
        let secret = try Self.outsideFile()
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=\(secret)\nstats ratings"))
        #expect(try fixture.error(allowOutsideData: true) == nil)
    }

    @Test func theCommandLineRefusesAndTheFlagAllows() throws {
        let secret = try Self.outsideFile()
        let fixture = try NotebookFixture(cells: NotebookFixture.cell("load ratings=\(secret)"))
        let out = try TestPaths.temporaryFolder()
        let arguments = ["render", fixture.notebook, "--data", fixture.folder.path, "--out", out.path]
        let refused = try CommandRun.recbook(arguments)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("test.md:6: `\(secret)` resolves to"), "\(refused.errors)")
        let allowed = try CommandRun.recbook(arguments + ["--allow-outside-data"])
        #expect(allowed.status == 0, "\(allowed.errors)")
    }
}
