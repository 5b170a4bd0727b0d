/// `rsvd`: the dot product plus user and movie biases and the mean, L2 on the embeddings; the
/// article's final choice of 5 factors, reg 1e-7 and 45 epochs.
enum RSVDFamily {
    static let family = ModelFamily(
        name: "rsvd", summary: "embeddings with biases and L2 regularisation (the article's RSVD), by Adam",
        settings: AdamFamily.settings(kind: .rsvd, k: 5, reg: 1e-7, epochs: 45) + [
            ModelSetting(
                key: "fixed-mean", kind: .decimal(.nonNegative), fallback: .value(.off),
                meaning: "hold the global mean μ at this value instead of training it, as the article's Keras model "
                    + "does (a random constant there, 0.3745)")
        ],
        build: { chosen, seed in
            var config = AdamFamily.config(.rsvd, chosen, seed: seed)
            if case .factor(var factor) = config {
                factor.fixedGlobalBias = chosen.optionalDecimal("fixed-mean").map(Float.init)
                config = .factor(factor)
            }
            return config
        }, canBeSaved: true)
}
