/// Progress for long verbs (training epochs, grid searches):
///
///     for epoch in 1...epochs {
///         ...
///         session.reportProgress(invocation, done: epoch, of: epochs, detail: "epoch \(epoch)/\(epochs)")
///     }
///
/// Cheap to call every step: with no observer (tests, `check`) it returns at once. The estimate
/// of time left assumes every step takes as long as the average so far.
extension Session {
    func reportProgress(_ invocation: Invocation, done: Int, of total: Int, detail: String) {
        guard let observer = context.observer, let scope = currentCell, total > 0 else { return }
        let fraction = min(1, max(0, Double(done) / Double(total)))
        let elapsed = (ContinuousClock.now - scope.started).seconds
        let remaining = fraction > 0 ? elapsed / fraction * (1 - fraction) : nil
        observer.progress(
            ProgressUpdate(
                notebook: scope.notebook, cell: scope.number, line: invocation.location.line,
                fraction: fraction, detail: detail, elapsed: elapsed, remaining: remaining))
    }
}
