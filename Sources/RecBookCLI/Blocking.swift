import Foundation

/// Waits on this (non-async) thread for async work; the work runs on the concurrency pool.
enum Blocking {
    static func run<Value: Sendable, Failure: Error>(_ body: @escaping @Sendable () async throws(Failure) -> Value)
        throws(Failure) -> Value
    {
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox<Value, Failure>()
        Task {
            do throws(Failure) {
                result.set(.success(try await body()))
            } catch {
                result.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try result.get()
    }
}

private final class ResultBox<Value, Failure: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, Failure>?

    func set(_ value: Result<Value, Failure>) { lock.withLock { result = value } }
    func get() throws(Failure) -> Value { try lock.withLock { result! }.get() }
}
