import RecEngine

/// What the three Keras models (`svd`, `rsvd`, `neural`) share: they are trained by Adam over
/// mini-batches, so they take the same training settings after their own.
enum AdamFamily {
    /// The batch size at and above `fullBatchRows` training rows: the article's 10,000.
    static let articleBatch = 10_000
    /// Default batches per epoch below `fullBatchRows`.
    static let batchesPerEpoch = 64
    /// Rows from which the default batch is the article's: 64 batches of 10,000.
    static var fullBatchRows: Int { articleBatch * batchesPerEpoch }
    /// The smallest default batch.
    static let smallestBatch = 32

    /// The default batch for `rows` training ratings: the article's 10,000 from 640,000 rows up
    /// (its ~800,000-rating training sets), else rows / 64 (at least 32), so that an epoch takes
    /// at least 64 Adam steps. With 10,000 on a small set (80,000 rows: 8 steps an epoch) the
    /// embeddings hardly move from their start in 20 epochs and the fit predicts near zero.
    static func defaultBatch(rows: Int) -> Int {
        min(articleBatch, max(smallestBatch, rows / batchesPerEpoch))
    }

    /// `k`, then `reg` and `units` where the kind takes them, then the training settings and
    /// the seed (initial embeddings, shuffled batches).
    static func settings(
        kind: FactorModelConfig.Kind, k: Int, reg: Double?, epochs: Int
    ) -> [ModelSetting] {
        var settings = [
            ModelSetting(
                key: "k", kind: .whole(1...1_000), fallback: .value(.whole(k)),
                meaning: "latent factors per user and per movie", alsoCalled: ["rank"])
        ]
        if let reg {
            settings.append(
                ModelSetting(
                    key: "reg", kind: .decimal(.nonNegative), fallback: .value(.decimal(reg)),
                    meaning: "L2 coefficient on the embeddings (Keras' regularizers.l2)"))
        }
        if kind == .neural {
            settings.append(
                ModelSetting(
                    key: "units", kind: .whole(1...10_000), fallback: .value(.whole(80)),
                    meaning: "hidden units of the ReLU layer"))
        }
        settings += [
            ModelSetting(
                key: "epochs", kind: .whole(1...10_000), fallback: .value(.whole(epochs)),
                meaning: "passes over the training rows", alsoCalled: ["iterations"]),
            ModelSetting(
                key: "batch", kind: .whole(1...10_000_000),
                fallback: .rule(
                    "\(articleBatch) from \(fullBatchRows) training rows, else rows/\(batchesPerEpoch) (at least \(smallestBatch))",
                    { .whole(defaultBatch(rows: $0)) }),
                meaning: "ratings per Adam step"),
            ModelSetting(
                key: "lr", kind: .decimal(.positive), fallback: .value(.decimal(0.001)), meaning: "Adam's learning rate"),
            ModelSetting(
                key: "optimizer", kind: .word(FactorModelConfig.Optimizer.allCases.map(\.rawValue)),
                fallback: .value(.word("adam")),
                meaning: "adam moves every row every step (Keras); lazy-adam only the batch's rows"),
            ModelSetting(
                key: "validation", kind: .decimal(.fraction), fallback: .value(.decimal(0)),
                meaning: "share of the training rows, from the end, held out to report validation loss"),
            ModelSetting(
                key: "patience", kind: .whole(1...10_000), fallback: .value(.off),
                meaning: "stop after this many epochs without a better validation loss (needs validation)"),
            .seed,
        ]
        return settings
    }

    /// The engine config; settings a kind does not take get the values they always had
    /// (reg 0 for svd, 80 units outside neural), so configs and cache keys stay as they were.
    static func config(_ kind: FactorModelConfig.Kind, _ chosen: ChosenSettings, seed: UInt64) -> ModelConfig {
        .factor(
            FactorModelConfig(
                kind: kind, factors: chosen.whole("k"), regularization: Float(kind == .svd ? 0 : chosen.decimal("reg")),
                hiddenUnits: kind == .neural ? chosen.whole("units") : 80, epochs: chosen.whole("epochs"),
                batchSize: chosen.whole("batch"), learningRate: Float(chosen.decimal("lr")),
                optimizer: FactorModelConfig.Optimizer(rawValue: chosen.word("optimizer")) ?? .adam,
                validationFraction: chosen.decimal("validation"), patience: chosen.optionalWhole("patience"), seed: seed))
    }
}
