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

    public init(
        dataFolder: String, notebookFile: String, parameters: [String: String] = [:], cache: CellCache? = nil,
        engineBuild: String = "", observer: (any RunObserver)? = nil, allowOutsideData: Bool = false,
        outputFolder: String? = nil, threads: Int = allCores
    ) {
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
    }
}

/// The ratings and movies a notebook works on, with where they came from.
struct Dataset {
    var ratings: RatingsTable
    var movies: MovieCatalog?
    /// Each dense movie's catalog entry, if the movies file lists it.
    var catalogEntries: [Movie?]

    init(ratings: RatingsTable, movies: MovieCatalog?) {
        self.ratings = ratings
        self.movies = movies
        catalogEntries = movies?.entries(for: ratings.movieIds) ?? Array(repeating: nil, count: ratings.movieCount)
    }

    func title(ofMovie index: Int) -> String {
        catalogEntries[index]?.title ?? ratings.movieIds.rawId(at: index)
    }

    /// Whether the movies file carries Douban scores: tables show a "Douban score" column only
    /// then (a MovieLens catalog has none, and an all-empty column says nothing).
    var hasScores: Bool {
        catalogEntries.contains { $0?.score != nil }
    }
}

/// One notebook's state, shared by its cells in order: the data, the seed and what the
/// provenance header will say.
final class Session {
    let context: RunContext
    /// The master seed; every random step derives its own seed from it.
    var seed: UInt64 = 42
    var dataset: Dataset?
    var sources: [DataSource] = []
    var banner: String?
    /// The train/test split made by `split`, shared by item CF and every model.
    var split: SplitState? {
        didSet { splitMasterSeed = seed }
    }
    /// The master seed when `split` was made, so that a model's record names the seed the user
    /// set (the split's own seed is derived from it).
    private(set) var splitMasterSeed: UInt64 = 42
    /// Scores of every model evaluated on the split, in order, for the comparison table.
    /// Evaluating a model again under the same name replaces its row.
    var scores: [ModelScore] = []
    /// The item-CF pivot and correlations, rebuilt whenever the ratings they came from change.
    var itemCF: ItemCFCache
    /// Parameter values (declared defaults, then `-p` overrides), substituted for `$name`.
    var parameters: [String: String] = [:]
    /// The cell being run, for cache keys and progress reports; set by the runner.
    var currentCell: CellScope?
    /// What the cache did during the current cell; the runner moves it into the cell's run.
    var cacheEvents: [CacheEvent] = []
    /// Models trained by `train` or read by `restore`, by the name given there; see `store`.
    var models: [String: TrainedModel] = [:]

    init(context: RunContext) {
        self.context = context
        itemCF = ItemCFCache(threads: context.threads)
    }

    func requireSplit(_ invocation: Invocation) throws(NotebookError) -> SplitState {
        guard let split else {
            throw invocation.fail("no train/test split yet; add a `split` directive first, e.g. `split test=0.2`")
        }
        return split
    }

    func record(_ score: ModelScore) {
        if let index = scores.firstIndex(where: { $0.model == score.model }) {
            scores[index] = score
        } else {
            scores.append(score)
        }
    }

    /// Keeps `model` under its name for the verbs that use it, noting where (`invocation`'s cell
    /// and line) and, for a model trained here, what it learnt from: the split's training rows,
    /// or all ratings when the directive says `on=all`. Returns a note naming the model it
    /// replaces, when the name was taken: reusing a name silently would hide the first model.
    func store(_ model: TrainedModel, _ invocation: Invocation) -> CellResult? {
        var model = model
        model.storedAt = (currentCell?.number, invocation.location.line)
        if model.restoredFrom == nil, let dataset {
            let split = invocation.string("on") == "all" ? nil : self.split
            model.record = trainingRecord(split?.train ?? dataset.ratings, split: split)
        }
        let previous = models[model.name]
        models[model.name] = model
        guard let previous else { return nil }
        let how = previous.restoredFrom.map { "restored from \($0)" } ?? "trained"
        let cell =
            previous.storedAt.cell.map { "in cell \($0) (line \(previous.storedAt.line))" } ?? "at line \(previous.storedAt.line)"
        return .note("This replaces the `\(previous.name)` \(how) \(cell); give the new one another name to keep both.")
    }

    func requireModel(_ name: String, _ invocation: Invocation) throws(NotebookError) -> TrainedModel {
        guard let model = models[name] else {
            let known = models.keys.sorted()
            let hint =
                Suggestions.closest(to: name, in: known).map { " Did you mean `\($0)`?" }
                ?? (known.isEmpty
                    ? " Train one first, e.g. `train svd1 model=svd k=10`."
                    : " Trained so far: \(known.joined(separator: ", ")).")
            throw invocation.fail("no model named `\(name)`.\(hint)")
        }
        return model
    }

    func requireDataset(_ invocation: Invocation) throws(NotebookError) -> Dataset {
        guard let dataset else {
            throw invocation.fail("no data is loaded yet; start with a `load` directive")
        }
        return dataset
    }
}

/// The session's split: the rows, and the train and test tables made from them.
struct SplitState {
    /// `holdout`, or `k-fold` (then `folds` holds every fold and `split` is the first).
    var kind: String
    var split: RatingSplit
    var folds: [RatingSplit]
    var seed: UInt64
    var train: RatingsTable
    var test: RatingsTable
}

/// One row of the comparison table: a model and its scores on the session's split.
struct ModelScore {
    var model: String
    /// Its settings in a few words, e.g. `k=10, 50 epochs, adam`.
    var settings: String
    /// Metrics by name (MAE, RMSE, ...), in display order.
    var metrics: [Metric]
    var trainSeconds: Double?
}
