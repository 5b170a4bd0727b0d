import RecEngine

/// One notebook's state, shared by its cells in order: the data, the seed and what the
/// provenance header will say.
final class Session {
    let context: RunContext
    /// The master seed; every random step derives its own seed from it.
    var seed: UInt64 = 42
    var dataset: Dataset?
    /// Ratings that stay in Spark (`load ... engine=spark`); `nil` when `dataset` holds them.
    var sparkData: SparkData?
    var sources: [DataSource] = []
    var banner: String?
    /// The train/test split made by `split`, shared by item CF and every model.
    var split: SplitState? {
        didSet {
            splitMasterSeed = seed
            splitTrainingDigest = nil
        }
    }
    /// `Session.digest` of the split's training rows, once a training record needed it: every
    /// `train`, `evaluate` and `predictions` asks, and it hashes up to a million rows.
    var splitTrainingDigest: String?
    /// The master seed when `split` was made, so that a model's record names the seed the user
    /// set (the split's own seed is derived from it).
    private(set) var splitMasterSeed: UInt64 = 42
    /// Scores of every model evaluated on the split, in order, for the comparison table.
    /// Evaluating a model again under the same name replaces its row.
    var scores: [ModelScore] = []
    /// The item-CF pivot and correlations, rebuilt whenever the ratings they came from change.
    var itemCF: ItemCFCache
    /// Parameter values (declared defaults, then the front matter's, then `-p` overrides),
    /// substituted for `$name`.
    var parameters: [String: String] = [:]
    /// Defaults the notebook's front matter sets, over those its `params` directives declare.
    var frontMatterDefaults: [String: String] = [:]
    /// The cell being run, for cache keys and progress reports; set by the runner.
    var currentCell: CellScope?
    /// What the cache did during the current cell; the runner moves it into the cell's run.
    var cacheEvents: [CacheEvent] = []
    /// Models trained by `train` or read by `restore`, by the name given there; see `store`.
    var models: [String: TrainedModel] = [:]
    /// The notebook's Spark session, started by the first directive that needs Spark; the runner
    /// closes it when the notebook ends.
    let spark = SparkBackend()

    init(context: RunContext) {
        self.context = context
        itemCF = ItemCFCache(threads: context.threads)
    }

    func requireSplit(_ invocation: Invocation) throws(NotebookError) -> SplitState {
        if let sparkData { throw invocation.fail(sparkData.refusal(invocation.verb.name)) }
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
        if let sparkData { throw invocation.fail(sparkData.refusal(invocation.verb.name)) }
        guard let dataset else {
            throw invocation.fail("no data is loaded yet; start with a `load` directive")
        }
        return dataset
    }
}
