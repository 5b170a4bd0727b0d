/// One cell after running: its results, or the error that stopped it, and its wall time.
public struct CellRun: Sendable {
    public enum Status: String, Sendable, Codable {
        case ok
        case failed
        /// An earlier cell failed and the run stopped (no `--keep-going`).
        case notRun = "not-run"
    }

    public var cell: CellSource
    public var options: CellOptions
    public var status: Status
    /// Results of the directives that ran, in order (a failing cell keeps those before the error).
    public var results: [CellResult]
    public var error: NotebookError?
    /// Wall time; never compared by `check`.
    public var seconds: Double
    /// Peak resident memory while the cell ran (see `PeakMemory`); never compared by `check`.
    public var peakMemoryBytes: Int? = nil
    /// What the cache did for the cell's expensive steps; run metadata like the wall time.
    public var cacheEvents: [CacheEvent] = []
}
