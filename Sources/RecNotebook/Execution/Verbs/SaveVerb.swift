import RecEngine

/// `save`: writes a trained model to the output folder's `models/` in recbook's documented,
/// versioned model format (`recbook.factor-model`, described in `FactorModel+File.swift`), so
/// that `restore` can read it back in this notebook or another, and other programs can too.
///
/// Only the families that say so (`ModelFamily.canBeSaved`: svd, rsvd and neural) are written:
/// `FactorModel`'s is the one documented file format. ALS's bytes are a native-endian cache layout with no header or version, and the
/// other families have none at all; presenting either as a model file would promise what
/// nothing guarantees, so those are refused by name.
///
/// The file records what the model was trained on (the ratings files' SHA-256, the split, a
/// digest of the training rows), so that `restore` then `evaluate` refuses a split whose test
/// rows the model may have seen.
///
/// What the cell shows depends only on the model's settings and shapes: the file's bytes hold
/// per-epoch wall times, so neither their count nor a hash is printed (`check` compares).
enum SaveVerb {
    static let verb = Verb(
        name: "save",
        summary: "Writes a trained svd, rsvd or neural model to models/FILE in the output folder (--out), in the "
            + "documented recbook.factor-model format, and links it from the report.",
        usage: "save NAME [file=NAME.recmodel]",
        example: "save rsvd1 file=rsvd1.recmodel",
        keys: ["file"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`save` needs the name of a trained model, as in: \(verb.example)")
        }
        let model = try session.requireModel(name, invocation)
        guard let family = ModelFamilyRegistry.family(named: model.config.family),
            let factors = ModelFiles.savable(model.predictor.model, family: family)
        else {
            throw invocation.fail(
                "`\(name)` (\(model.config.family)) cannot be saved: `save` writes only \(ModelFamilyRegistry.savableNames) "
                    + "models, the families with a documented file format (\(FactorModel.fileFormat))")
        }
        let file: String
        if let given = invocation.string("file") {
            file = given
        } else {
            file = name + ModelFiles.fileExtension
            guard ModelFiles.isPlain(file) else {
                throw invocation.fail(
                    "the model name `\(name)` does not make a plain file name; give one, "
                        + "e.g. file=model\(ModelFiles.fileExtension)")
            }
        }
        let location = try ModelFiles.location(file, key: "file", session, invocation)
        // Under --no-timings the file repeats byte for byte: its epochs' wall times are written as 0.
        let written = session.context.timings ? factors : factors.withoutEpochTimes()
        try ModelFiles.write(written.encoded(trainedOn: model.record), to: location, invocation)
        return [
            .metrics(
                MetricList(
                    title: "Saved `\(name)`: \(model.config.family), \(model.settings)",
                    metrics: ModelFiles.facts(factors))),
            .file(
                FileLink(
                    label: "Model file (\(FactorModel.fileFormat), version \(FactorModel.fileVersion))", path: location.relative)),
        ]
    }
}

extension FactorModel {
    /// The same model with every epoch's wall time set to 0.
    fileprivate func withoutEpochTimes() -> FactorModel {
        var history = history
        for index in history.epochs.indices { history.epochs[index].seconds = 0 }
        return FactorModel(
            config: config, layout: layout, parameters: parameters, seenUsers: seenUsers, seenMovies: seenMovies,
            history: history)
    }
}
