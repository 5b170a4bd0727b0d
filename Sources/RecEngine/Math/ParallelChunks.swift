import Foundation

// The one place where work is handed to threads (`make lint` keeps `concurrentPerform` here).
// Every helper takes the thread count from its caller, which takes it from the run
// (`--threads`); one thread runs everything in order on the calling thread.

/// Every core this process may use: the thread count when a run names none.
public var allCores: Int { ProcessInfo.processInfo.activeProcessorCount }

/// Runs `body(chunk)` for every chunk in `0..<chunks` on up to `threads` workers. Callers fix
/// the number of chunks independently of `threads` and combine per-chunk results in chunk
/// order, which is what keeps training identical on one thread or many.
func forEachChunk(_ chunks: Int, threads: Int, _ body: (Int) -> Void) {
    let workers = min(max(1, threads), chunks)
    if workers <= 1 {
        for chunk in 0..<chunks { body(chunk) }
        return
    }
    withoutActuallyEscaping(body) { body in
        let shared = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var chunk = worker
            while chunk < chunks {
                shared.value(chunk)
                chunk += workers
            }
        }
    }
}

/// Runs `body(task)` for every task in `0..<count` on up to `threads` workers, each taking the
/// next task as it frees up (for tasks of uneven size that write disjoint results), or in order
/// on this thread when `threads` is 1.
func forEachTask(_ count: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
    let workers = min(max(1, threads), count)
    if workers <= 1 {
        for task in 0..<count { body(task) }
        return
    }
    let next = TaskCounter()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let task = next.take(below: count) { body(task) }
    }
}

/// Piece `index` of `0..<count` cut into `pieces` near-equal ranges (empty ones at the end when
/// there are more pieces than items).
func evenPiece(_ index: Int, of count: Int, pieces: Int) -> Range<Int> {
    let size = (count + pieces - 1) / pieces
    return min(count, index * size)..<min(count, (index + 1) * size)
}

/// Hands out task numbers in increasing order, each once, to workers asking at the same time.
private final class TaskCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}
