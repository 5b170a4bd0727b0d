import Foundation
import RecTestSupport
import Testing

@testable import RecPreview

/// Which request paths become which files: only regular files inside the folder, never a listing.
@Suite struct ServedFolderTests {
    /// `out/` with a page, a sub-folder with and one without `index.html`, a hidden temporary
    /// file, a link inside and links out; `secret.txt` sits beside `out/`.
    static func layout() throws -> (folder: ServedFolder, out: URL) {
        let base = try TestPaths.temporaryFolder()
        let out = base.appendingPathComponent("out")
        let manager = FileManager.default
        try manager.createDirectory(at: out.appendingPathComponent("with-index"), withIntermediateDirectories: true)
        try manager.createDirectory(at: out.appendingPathComponent("bare"), withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
        try Data("<p>page</p>".utf8).write(to: out.appendingPathComponent("page.html"))
        try Data("<p>index</p>".utf8).write(to: out.appendingPathComponent("index.html"))
        try Data("<p>sub</p>".utf8).write(to: out.appendingPathComponent("with-index/index.html"))
        try Data("half".utf8).write(to: out.appendingPathComponent(".page.html.123.tmp"))
        try manager.createSymbolicLink(atPath: out.appendingPathComponent("inside.html").path, withDestinationPath: "page.html")
        try manager.createSymbolicLink(
            atPath: out.appendingPathComponent("outside.txt").path,
            withDestinationPath: base.appendingPathComponent("secret.txt").path)
        try manager.createSymbolicLink(atPath: out.appendingPathComponent("up").path, withDestinationPath: "..")
        return (try #require(ServedFolder(out.path)), out)
    }

    @Test func pagesAndFolderIndexesAreServed() throws {
        let (folder, out) = try Self.layout()
        let real = folder.root
        #expect(folder.file(for: "/page.html") == real + "/page.html")
        #expect(folder.file(for: "/") == real + "/index.html")
        #expect(folder.file(for: "") == real + "/index.html")
        #expect(folder.file(for: "/with-index") == real + "/with-index/index.html")
        #expect(folder.file(for: "/with-index/") == real + "/with-index/index.html")
        #expect(folder.file(for: "/inside.html") == real + "/page.html", "a link that stays inside is followed")
        #expect(folder.file(for: "/up/out/page.html") == real + "/page.html", "so is one that leads back in")
        #expect(ServedFolder(out.appendingPathComponent("page.html").path) == nil, "a file is not a folder to serve")
    }

    @Test(arguments: [
        "/../secret.txt", "/with-index/../../secret.txt", "/..", "/outside.txt", "/up/secret.txt",
        "/bare", "/bare/", "/missing.html", "/.page.html.123.tmp", "/page.html\0", "/..\\secret.txt",
    ])
    func everythingElseIsNotFound(path: String) throws {
        let (folder, _) = try Self.layout()
        #expect(folder.file(for: path) == nil)
    }

    @Test func anAbsolutePathIsReadInsideTheFolder() throws {
        let (folder, out) = try Self.layout()
        let secret = out.deletingLastPathComponent().appendingPathComponent("secret.txt").path
        #expect(folder.file(for: secret) == nil)
        #expect(folder.file(for: "//" + secret) == nil)
    }
}
