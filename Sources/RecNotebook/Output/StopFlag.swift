import Foundation

/// A flag set from another thread (a signal handler's queue, a test) to stop a loop.
public final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false

    public init() {}

    public var isSet: Bool { lock.withLock { set } }

    public func stop() {
        lock.withLock { set = true }
    }

    /// Sets the flag on Ctrl-C (SIGINT) instead of killing the process, so the current render
    /// finishes its atomic writes. Keep the returned source alive while watching.
    public func stopOnInterrupt() -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [self] in stop() }
        source.resume()
        return source
    }
}
