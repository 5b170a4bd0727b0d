import Foundation

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

/// Runs `body(task)` for every task in `0..<count`, handed out by GCD as threads free up (for
/// tasks of uneven size that write disjoint results), or in order on this thread when
/// `threads` is 1.
func forEachTask(_ count: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
    if threads <= 1 {
        for task in 0..<count { body(task) }
    } else {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}

/// Piece `index` of `0..<count` cut into `pieces` near-equal ranges (empty ones at the end when
/// there are more pieces than items).
func evenPiece(_ index: Int, of count: Int, pieces: Int) -> Range<Int> {
    let size = (count + pieces - 1) / pieces
    return min(count, index * size)..<min(count, (index + 1) * size)
}
