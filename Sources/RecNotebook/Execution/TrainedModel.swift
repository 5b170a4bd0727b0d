import RecEngine

/// A model trained in the session, kept by name for `loss`, `evaluate`, `predictions` and
/// `recommend`.
struct TrainedModel {
    var name: String
    var config: ModelConfig
    /// Predicts through the shared fallback and clipping, set up from the training rows.
    var predictor: Predictor<FittedModel>
    var trainSeconds: Double
    /// What it was trained on, e.g. `training rows of the holdout split (805,918 ratings)`.
    var trainedOn: String
    /// The file `restore` read it from, as the page shows it; `nil` for a model trained here.
    var restoredFrom: String? = nil
    /// The data and split it learnt from: set by `Session.store` for a model trained here, read
    /// from the file for a restored one (`nil` when an older file does not say).
    var record: TrainingRecord? = nil
    /// `restore ... allow-mismatch=true`: it may be scored on a split whose test rows it saw,
    /// and every score it gets then carries a warning.
    var allowsMismatch = false
    /// What the model's parameters are a function of beyond the cell's cache inputs, so that
    /// results computed from it (`evaluate`'s ranking) can be cached: the SHA-256 of the cache
    /// entry or model file it came from, or `Self.fittedFromInputs` for a fit that depends on
    /// nothing else. `nil` when unknown: results from it are then always computed.
    var parametersKey: String?
    /// Where `Session.store` kept it: the cell (`nil` outside a notebook run) and the line.
    var storedAt: (cell: Int?, line: Int) = (nil, 0)
    /// The seed `seed=` gave the fit; `nil` when it came from the master seed (or a file).
    var givenSeed: UInt64? = nil

    /// The settings as pages show them, with a given seed.
    var settings: String { config.summary(givenSeed: givenSeed) }

    var history: TrainingHistory? { predictor.model.history }

    /// `parametersKey` of a model fitted here, without the cache, by a deterministic fit: the
    /// same data, split, settings and seed give the same parameters.
    static let fittedFromInputs = "fitted from the cell's inputs"
}
