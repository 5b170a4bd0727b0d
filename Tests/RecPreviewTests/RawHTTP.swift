import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A bare HTTP/1.1 client over a socket: sends the request line exactly as given (URLSession
/// would normalise `..` and percent-encoding away), reads what comes back.
struct RawHTTP {
    let port: UInt16

    struct Response {
        var status: Int
        var headers: String
        var body: String
    }

    /// Sends `METHOD target` with `Connection: close` and reads the whole response.
    func request(_ target: String, method: String = "GET") throws -> Response {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let text = read(socket) { _ in false }
        return try Self.parse(text)
    }

    /// Opens `/events` and reads until `done` holds for what arrived (or 30 s pass); `opened`
    /// is called once the stream's first bytes are in, so that the caller can then trigger events.
    func events(until done: (String) -> Bool, opened: () -> Void) throws -> String {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        var calledOpened = false
        return read(socket) { text in
            if !calledOpened, text.contains("retry:") {
                calledOpened = true
                opened()
            }
            return done(text)
        }
    }

    private func connect() throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure("socket: \(errno)") }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw Failure("connect to port \(port): errno \(errno)")
        }
        return socket
    }

    private func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
            throw Failure("send: errno \(errno)")
        }
    }

    /// Reads until the peer closes, a read times out, or `stop` holds for the text so far.
    private func read(_ socket: Int32, stop: (String) -> Bool) -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[..<count]
            if stop(String(decoding: received, as: UTF8.self)) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    static func parse(_ text: String) throws -> Response {
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure("no header end in \(text.prefix(200))") }
        let head = String(text[..<split.lowerBound])
        let parts = head.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure("bad status line in \(head)") }
        return Response(status: status, headers: head, body: String(text[split.upperBound...]))
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Runs blocking socket work on its own thread, so that the test does not hold one of the few
/// cooperative threads the server under test needs.
func offThePool<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
