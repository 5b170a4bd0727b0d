import FlyingSocks
import Foundation

/// The open `/events` streams (server-sent events), one per page being looked at; a render tells
/// them which pages it rewrote.
final class ReloadEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [UUID: AsyncStream<Data>.Continuation] = [:]

    /// A new stream for one page, opened with the reconnect delay the browser should use when
    /// the server restarts; it ends when the page goes away or the server stops.
    func subscribe() -> EventBytes {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Data>.makeStream()
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        continuation.yield(Data("retry: 1000\n\n".utf8))
        lock.withLock { streams[id] = continuation }
        return EventBytes(stream: stream)
    }

    /// Sends `reload` with the names of the rewritten pages, space-separated, to every page.
    func reload(pages: [String]) {
        let event = Data("event: reload\ndata: \(pages.joined(separator: " "))\n\n".utf8)
        for continuation in lock.withLock({ Array(streams.values) }) { continuation.yield(event) }
    }

    /// How many pages are listening.
    var count: Int { lock.withLock { streams.count } }

    private func remove(_ id: UUID) {
        lock.withLock { _ = streams.removeValue(forKey: id) }
    }

    /// Ends every stream, so that the server can close their connections.
    func finish() {
        for continuation in lock.withLock({ Array(streams.values) }) { continuation.finish() }
    }
}
