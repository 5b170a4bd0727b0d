import RecEngine

/// `restore`: reads a model written by `save` and keeps it under a name, as `train` does, so
/// that `evaluate`, `predictions`, `recommend`, `loss` and `compare` work on it.
///
/// `from=FILE` reads the output folder's `models/FILE` (what `save` wrote, in this notebook or
/// an earlier one); `file=PATH` reads a model file inside the data folder, with `load`'s
/// containment (and `--allow-outside-data`). A model's dense indices only mean something for the
/// data it was trained on, so its user and movie counts must match the loaded data's. Its
/// predictor falls back to, and clips by, the mean and range of the split's training rows
/// (all ratings without a split), as for a model trained here.
///
/// The file records the data and split the model was trained on; `evaluate` and `predictions`
/// compare that with the session's split when they score it (see `Session+TrainingRecord`), and
/// refuse a split whose test rows it may have seen unless `allow-mismatch=true` is given here.
/// An older file (format version 1) records neither: it is read, with a note saying so.
enum RestoreVerb {
    static let verb = Verb(
        name: "restore",
        summary: "Reads a model written by `save` (from=FILE in the output folder's models/, or file=PATH inside --data), "
            + "checks it fits the loaded data and names it, for evaluate, predictions, recommend, loss and compare.",
        usage: "restore NAME from=FILE | restore NAME file=PATH [allow-mismatch=false]",
        example: "restore rsvd2 from=rsvd1.recmodel",
        keys: ["from", "file", "allow-mismatch"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`restore` needs a name for the model before the options, as in: \(verb.example)")
        }
        let path: String
        let shown: String
        let missingHint: String
        switch (invocation.string("from"), invocation.string("file")) {
        case (let saved?, nil):
            let location = try ModelFiles.location(saved, key: "from", session, invocation)
            (path, shown) = (location.path, location.relative)
            missingHint = "save a model there first, e.g. `save NAME file=\(saved)`"
        case (nil, let file?):
            (path, shown) = (try LoadVerb.contained(file, session, invocation), file)
            missingHint = "put the model file there, or pass --data DIR"
        default:
            throw invocation.fail(
                "`restore` needs exactly one of from=FILE (a model `save` wrote to the output folder's models/) or "
                    + "file=PATH (a model file inside --data), as in: \(verb.example)")
        }
        let allowMismatch = try invocation.bool("allow-mismatch", default: false)
        let dataset = try session.requireDataset(invocation)
        let (file, sha256) = try ModelFiles.read(path, invocation, missingHint: missingHint)
        let model = file.model
        let ratings = dataset.ratings
        guard model.layout.users == ratings.userCount, model.layout.movies == ratings.movieCount else {
            throw invocation.fail(
                "\(path): the model was trained on data with \(model.layout.users) users and \(model.layout.movies) movies, "
                    + "but the loaded data has \(ratings.userCount) users and \(ratings.movieCount) movies; "
                    + "restore it after loading the data it was trained on")
        }
        let train: RatingsTable
        let described: String
        if let split = session.split {
            train = split.train
            described = "the \(split.kind) split's training rows (\(DisplayNumber.count(train.count)) ratings)"
        } else {
            train = ratings
            described = "all \(train.count) ratings"
        }
        let config = ModelConfig.factor(model.config)
        let replaced = session.store(
            TrainedModel(
                name: name, config: config, predictor: HeldOutEvaluation.predictor(FittedModel.factor(model), train: train),
                trainSeconds: model.history.epochs.reduce(0) { $0 + $1.seconds }, trainedOn: "restored from \(shown)",
                restoredFrom: shown, record: file.trainedOn, allowsMismatch: allowMismatch, parametersKey: sha256),
            invocation)
        let lineage =
            file.trainedOn.map { "It was trained on \(Session.describe($0))." }
            ?? "The file (format version \(file.version)) does not record the data and split the model was trained on, so "
            + "`evaluate` and `predictions` refuse it unless it is restored with allow-mismatch=true; save it again to record them."
        return [
            .metrics(
                MetricList(
                    title: "Restored `\(name)` from \(shown): \(config.family), \(config.summary)",
                    metrics: ModelFiles.facts(model))),
            .note(
                "Predictions for unknown users or movies fall back to the mean of \(described), and are clipped to their range."),
            .note(lineage),
        ] + [replaced].compactMap { $0 }
    }
}
