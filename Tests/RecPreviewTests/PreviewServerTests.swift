import Foundation
import RecNotebook
import RecTestSupport
import Testing

@testable import RecPreview

/// The preview server in this process on a free port, spoken to over a raw socket.
@Suite struct PreviewServerTests {
    /// A rendered-looking output folder (a page carrying recbook's policy, its index, a twin) beside
    /// a secret file, and a server on it.
    static func serve() async throws -> (server: PreviewServer, http: RawHTTP, out: URL) {
        let base = try TestPaths.temporaryFolder()
        let out = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
        try Data(page("Report").utf8).write(to: out.appendingPathComponent("report.html"))
        try Data(page("Index").utf8).write(to: out.appendingPathComponent("index.html"))
        try Data("{\"format\": 1}\n".utf8).write(to: out.appendingPathComponent("report.json"))
        try FileManager.default.createSymbolicLink(
            atPath: out.appendingPathComponent("leak.txt").path,
            withDestinationPath: base.appendingPathComponent("secret.txt").path)
        let server = try PreviewServer(folder: try #require(ServedFolder(out.path)), host: "127.0.0.1", port: 0)
        // `make test` runs this suite in a process of its own: the rest of the tests keep Swift's
        // cooperative threads busy for minutes, and the server's every step waits for one of them.
        let port = try await server.start(timeout: .seconds(60))
        return (server, RawHTTP(port: port), out)
    }

    static func page(_ title: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n\(ContentSecurityPolicy.meta)\n<title>\(title)</title>\n</head>\n<body>\n<p>\(title)</p>\n</body>\n</html>\n"
    }

    @Test func aPageIsServedWithTheReloadScriptAndItsNonceWhileTheFileStaysInert() async throws {
        let (server, http, out) = try await Self.serve()
        defer { Task { await server.stop() } }
        let response = try await offThePool { try http.request("/report.html") }
        #expect(response.status == 200)
        #expect(response.headers.contains("Content-Type: text/html; charset=utf-8"))
        let nonce = try #require(response.body.firstMatch(of: /<script nonce="([0-9a-f]{32})">/)?.1)
        #expect(response.body.contains("new EventSource(\"/events\")"))
        #expect(response.body.contains("script-src 'nonce-\(nonce)'"), "the page's own policy lets exactly that script run")
        #expect(!response.body.contains(ContentSecurityPolicy.meta), "the inert policy is replaced, not added to")
        #expect(response.headers.contains("Content-Security-Policy: \(ContentSecurityPolicy.served(nonce: String(nonce)))"))
        let second = try await offThePool { try http.request("/report.html") }
        #expect(!second.body.contains(String(nonce)), "every response gets a new nonce")
        let onDisk = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(onDisk == Self.page("Report"), "serving never changes the file")
    }

    @Test func theRootServesTheIndexAndOtherFilesComeAsTheyAre() async throws {
        let (server, http, _) = try await Self.serve()
        defer { Task { await server.stop() } }
        let index = try await offThePool { try http.request("/") }
        #expect(index.status == 200 && index.body.contains("<p>Index</p>"))
        let twin = try await offThePool { try http.request("/report.json") }
        #expect(twin.status == 200 && twin.body == "{\"format\": 1}\n")
        #expect(twin.headers.contains("Content-Type: application/json"))
        let head = try await offThePool { try http.request("/report.html", method: "HEAD") }
        #expect(head.status == 200 && head.body.isEmpty)
        let post = try await offThePool { try http.request("/report.html", method: "POST") }
        #expect(post.status == 405)
    }

    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt", "/./../secret.txt",
        "/leak.txt", "/missing.html", "/.report.html.1.tmp", "/%00", "/x/%2e%2e/%2e%2e/secret.txt",
    ])
    func traversalAndMissingFilesAreNotFound(target: String) async throws {
        let (server, http, _) = try await Self.serve()
        defer { Task { await server.stop() } }
        let response = try await offThePool { try http.request(target) }
        #expect(response.status == 404, "\(target)")
        #expect(!response.body.contains("secret"))
    }

    @Test func anAbsoluteFilePathIsNotFound() async throws {
        let (server, http, out) = try await Self.serve()
        defer { Task { await server.stop() } }
        let secret = out.deletingLastPathComponent().appendingPathComponent("secret.txt").path
        // `//name` reads as a host with an empty path, so it is the index: never the file.
        let authority = try await offThePool { try http.request("//secret.txt") }
        #expect(authority.body.contains("<p>Index</p>") && !authority.body.contains("secret"))
        for target in [secret, "/" + secret, "/etc/passwd", "http://127.0.0.1" + secret] {
            let response = try await offThePool { try http.request(target) }
            #expect(response.status == 404, "\(target)")
            #expect(!response.body.contains("secret") && !response.body.contains("root:"))
        }
    }

    @Test func aFolderWithoutAnIndexIsNotListed() async throws {
        let (server, http, out) = try await Self.serve()
        defer { Task { await server.stop() } }
        try FileManager.default.createDirectory(at: out.appendingPathComponent("charts"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: out.appendingPathComponent("charts/one.svg"))
        let listing = try await offThePool { try http.request("/charts/") }
        #expect(listing.status == 404 && !listing.body.contains("one.svg"))
    }

    @Test func eventsCarryTheNamesOfTheRewrittenPages() async throws {
        let (server, http, _) = try await Self.serve()
        let stream = try await offThePool {
            try http.events(until: { $0.contains("data: report.html index.html\n\n") }) {
                server.reload(pages: ["report.html", "index.html"])
            }
        }
        #expect(stream.contains("Content-Type: text/event-stream"))
        #expect(stream.contains("retry: 1000\n\n"))
        #expect(stream.contains("event: reload\ndata: report.html index.html\n\n"))
        await server.stop()
    }

    @Test func stoppingEndsOpenEventStreams() async throws {
        let (server, http, _) = try await Self.serve()
        // Read until the server closes the stream; stop() must close it rather than hang.
        let stream = try await offThePool {
            try http.events(until: { _ in false }) { Task { await server.stop() } }
        }
        #expect(stream.contains("retry: 1000"))
        #expect(stream.hasSuffix("0\r\n\r\n"), "the chunked stream was ended properly")
    }

    @Test func aTakenPortIsAClearError() async throws {
        let (server, http, out) = try await Self.serve()
        defer { Task { await server.stop() } }
        let second = try PreviewServer(folder: try #require(ServedFolder(out.path)), host: "127.0.0.1", port: http.port)
        await #expect(throws: PreviewError.cannotListen(reason: "127.0.0.1:\(http.port): Address already in use")) {
            _ = try await second.start()
        }
        #expect(throws: PreviewError.badHost("localhost")) {
            _ = try PreviewServer(folder: try #require(ServedFolder(out.path)), host: "localhost", port: 0)
        }
    }
}
