import FlyingFox
import FlyingSocks
import Foundation
import RecNotebook

/// The HTTP side of `recbook preview`: serves one output folder and tells open pages to reload.
///
/// Routes: `GET /events` is the server-sent event stream of reloads; `GET` or `HEAD` of any
/// other path serves a file of the folder (see `ServedFolder`), HTML pages with the reload
/// script injected (see `LivePage`); anything else is 404 (or 405 for other methods).
public final class PreviewServer: Sendable {
    public let folder: ServedFolder
    private let http: HTTPServer
    private let events = ReloadEvents()
    private let running = RunningTask()
    /// `host:port` as given, for messages.
    private let address: String

    /// - Parameters:
    ///   - host: an IPv4 or IPv6 address to listen on.
    ///   - port: 0 picks a free port (see `port()`).
    public init(folder: ServedFolder, host: String, port: UInt16) throws(PreviewError) {
        self.folder = folder
        self.address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let address: any SocketAddress
        do {
            address =
                host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw .badHost(host)
        }
        let handler = Handler(folder: folder, events: events)
        http = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: handler)
    }

    /// Starts listening and serving in the background; returns the port once the server
    /// listens, or throws when it cannot (the address is taken, or not this machine's).
    public func start(timeout: Duration = .seconds(10)) async throws(PreviewError) -> UInt16 {
        running.start { [http] in try await http.run() }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        // Look before checking the clock: when the concurrency pool is busy this loop may wake
        // late, and a server that started meanwhile is not a failure.
        while true {
            if let error = running.failure { throw .cannotListen(reason: reason(error)) }
            switch await http.listeningAddress {
            case .ip4(_, let port), .ip6(_, let port): return port
            default: break
            }
            guard clock.now < deadline else {
                throw .cannotListen(reason: "the server did not start listening within \(timeout)")
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// What went wrong, in the operating system's words when it said something.
    private func reason(_ error: any Error) -> String {
        guard case SocketError.failed(_, _, let message) = error else { return "\(error)" }
        return "\(address): \(message)"
    }

    /// Tells every open page that a render rewrote `pages` (names in the folder).
    public func reload(pages: [String]) {
        events.reload(pages: pages)
    }

    /// How many pages are listening for reloads.
    public var listeners: Int { events.count }

    /// Ends the event streams, then closes the server and waits for it to finish.
    public func stop() async {
        events.finish()
        await http.stop(timeout: 2)
        await running.wait()
    }
}

/// The server's background task and, once it has failed, its error.
private final class RunningTask: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?
    private var error: (any Error)?

    /// Runs `body` in a task; `failure` holds its error once it throws.
    func start(_ body: @escaping @Sendable () async throws -> Void) {
        let task = Task { [self] in
            do {
                try await body()
            } catch {
                lock.withLock { self.error = error }
            }
        }
        lock.withLock { self.task = task }
    }

    var failure: (any Error)? { lock.withLock { error } }

    func wait() async {
        await lock.withLock { task }?.value
    }
}

/// Answers one request.
private struct Handler: HTTPHandler {
    let folder: ServedFolder
    let events: ReloadEvents

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        if request.path == "/events" {
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: HTTPBodySequence(from: events.subscribe()))
        }
        guard let path = folder.file(for: request.path), let data = FileManager.default.contents(atPath: path) else {
            return Self.notFound
        }
        var headers: HTTPHeaders = [
            .contentType: Self.contentType(of: path), .cacheControl: "no-store",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        var body = data
        if path.hasSuffix(".html"), let page = String(data: data, encoding: .utf8) {
            let nonce = LivePage.nonce()
            body = Data(LivePage.inject(into: page, nonce: nonce).utf8)
            headers[HTTPHeader("Content-Security-Policy")] = ContentSecurityPolicy.served(nonce: nonce)
        } else {
            headers[HTTPHeader("Content-Security-Policy")] = "default-src 'none'"
        }
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            body = Data()
        }
        return HTTPResponse(statusCode: .ok, headers: headers, body: body)
    }

    static let notFound = HTTPResponse(
        statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("not found\n".utf8))

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "json": "application/json"
        case "md": "text/markdown; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "txt", "csv": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
