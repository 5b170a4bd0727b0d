import Foundation

/// Reads newline-ended lines from a pipe, waiting at most until a deadline for each: a peer that
/// stops answering is a timeout, one that exits is the end of the stream, never a hang.
struct LineReader {
    enum Next: Equatable {
        case line(String)
        case endOfStream
        case timedOut
        /// The peer sent more than `maximumLine` bytes without a newline.
        case tooLong
    }

    private let handle: FileHandle
    private var pending: [UInt8] = []
    /// Replies carry results, not data (data travels in files), so a megabyte is plenty.
    static let maximumLine = 1 << 20

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    mutating func next(until deadline: ContinuousClock.Instant) -> Next {
        while true {
            if let end = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeSubrange(...end)
                return .line(line)
            }
            guard pending.count <= Self.maximumLine else { return .tooLong }
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return .timedOut }
            var watched = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(
                clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&watched, 1, milliseconds)
            if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            guard ready > 0 else { return .endOfStream }
            // Readable or hung up: this returns at once, empty only at the end of the stream.
            let chunk = handle.availableData
            if chunk.isEmpty { return .endOfStream }
            pending += chunk
        }
    }
}
