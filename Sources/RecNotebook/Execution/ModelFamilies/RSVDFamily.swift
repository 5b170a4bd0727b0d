/// `rsvd`: the dot product plus user and movie biases and the mean, L2 on the embeddings; the
/// article's final choice of 5 factors, reg 1e-7 and 45 epochs.
enum RSVDFamily {
    static let family = ModelFamily(
        name: "rsvd", summary: "embeddings with biases and L2 regularisation (the article's RSVD), by Adam",
        settings: AdamFamily.settings(kind: .rsvd, k: 5, reg: 1e-7, epochs: 45) + [
            ModelSetting(
                key: "mean", kind: .word(["trained", "fixed"]), fallback: .value(.word("trained")),
                meaning: "trained: the global mean μ is learnt with the rest; fixed: μ keeps its random start, as in "
                    + "the article's Keras model")
        ],
        build: { chosen, seed in
            var config = AdamFamily.config(.rsvd, chosen, seed: seed)
            if case .factor(var factor) = config {
                factor.fixesGlobalBias = chosen.word("mean") == "fixed"
                config = .factor(factor)
            }
            return config
        }, canBeSaved: true)
}
