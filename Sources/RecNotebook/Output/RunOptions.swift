import RecEngine

/// How `render`, `watch` and `check` run notebooks: one set of options for all three, so that a
/// run setting added for one reaches the others. `check` re-runs a notebook as its committed
/// report was rendered, so it takes the parameters from the report, keeps going past failing
/// cells, and neither caches nor writes pages: it ignores `keepGoing`, `parameters`,
/// `cacheFolder`, `formats` and `timings`.
public struct RunOptions: Sendable {
    /// `--data`. `nil`: `check` uses the folder recorded in the report's provenance, `render`
    /// the working folder.
    public var dataFolder: String?
    /// `--out`: where `render` writes the reports and `check` finds the committed ones.
    public var outFolder: String
    /// `--keep-going` (render): run the cells after a failing one.
    public var keepGoing: Bool
    /// `-p name=value` overrides (render; check them first with `ReportRenderer.checkParameters`).
    public var parameters: [String: String]
    /// `--cache DIR` (render); `nil` for `--no-cache`.
    public var cacheFolder: String?
    /// Which pages `render` writes beside the JSON twin (always written: `check` reads it).
    public var formats: Set<ReportRenderer.OutputFormat>
    public var observer: (any RunObserver)?
    /// `--allow-outside-data`: `load` may read files outside the data folder.
    public var allowOutsideData: Bool
    /// `--threads`: how many threads the engine may use (results are the same for any count).
    public var threads: Int
    /// `false` for `--no-timings` (render): wall times, peak memory and cache notes stay out of
    /// the pages and JSON twins and go to `timings.json` instead (see `TimingsFile`), so that an
    /// unchanged notebook renders to the same bytes.
    public var timings: Bool
    /// `--spark-master`: the Spark master for `train ... engine=spark`; `nil` leaves it to
    /// `SPARK_MASTER`, else `local[2]`.
    public var sparkMaster: String?

    public init(
        dataFolder: String?, outFolder: String, keepGoing: Bool = false, parameters: [String: String] = [:],
        cacheFolder: String? = nil, formats: Set<ReportRenderer.OutputFormat> = [.html], observer: (any RunObserver)? = nil,
        allowOutsideData: Bool = false, threads: Int = allCores, timings: Bool = true, sparkMaster: String? = nil
    ) {
        self.threads = threads
        self.timings = timings
        self.sparkMaster = sparkMaster
        self.dataFolder = dataFolder
        self.outFolder = outFolder
        self.keepGoing = keepGoing
        self.parameters = parameters
        self.cacheFolder = cacheFolder
        self.formats = formats
        self.observer = observer
        self.allowOutsideData = allowOutsideData
    }
}
