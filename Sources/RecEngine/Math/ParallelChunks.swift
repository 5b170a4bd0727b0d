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
