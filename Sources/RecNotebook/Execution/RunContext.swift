import RecEngine

/// Where a notebook runs: the folders it reads from, the file name errors are reported under,
/// the `-p` overrides, the cache and who hears about progress.
public struct RunContext: Sendable {
    /// Relative data paths in `load` resolve against this folder (`--data`).
    public var dataFolder: String
    /// `--allow-outside-data`: let `load` read files outside `dataFolder` (refused by default).
    public var allowOutsideData: Bool
    /// The folder the report is written to (`--out`): `save` writes models into its `models/`
    /// and `restore from=` reads them there. `nil` when nothing is rendered (then both refuse).
    public var outputFolder: String?
    public var notebookFile: String
    /// `-p name=value` overrides of the notebook's `params` defaults. Names the notebook does not
    /// declare are ignored here; `ReportRenderer.checkParameters` rejects names no notebook declares.
    public var parameters: [String: String]
    /// Where expensive verbs keep their results between runs; `nil` computes everything.
    public var cache: CellCache?
    /// Identifies the running build in cache keys (see `CacheInputs.engine`).
    public var engineBuild: String
    /// Hears about cells starting and finishing and about long verbs' progress.
    public var observer: (any RunObserver)?
    /// Threads the engine may use (`--threads`); results are the same for any count, so it is
    /// in no cache key.
    public var threads: Int
    /// `false` under `--no-timings`: what the run writes (a saved model's epoch wall times)
    /// leaves out figures that change from run to run.
    public var timings: Bool
    /// `--spark-master` for `engine=spark`; `nil` leaves it to `SPARK_MASTER`, else `local[2]`.
    public var sparkMaster: String?

    public init(
        dataFolder: String, notebookFile: String, parameters: [String: String] = [:], cache: CellCache? = nil,
        engineBuild: String = "", observer: (any RunObserver)? = nil, allowOutsideData: Bool = false,
        outputFolder: String? = nil, threads: Int = allCores, timings: Bool = true, sparkMaster: String? = nil
    ) {
        self.sparkMaster = sparkMaster
        precondition(threads >= 1, "a run needs at least one thread")
        self.threads = threads
        self.dataFolder = dataFolder
        self.allowOutsideData = allowOutsideData
        self.outputFolder = outputFolder
        self.notebookFile = notebookFile
        self.parameters = parameters
        self.cache = cache
        self.engineBuild = engineBuild
        self.observer = observer
        self.timings = timings
    }
}
