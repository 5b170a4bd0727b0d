import RecEngine

/// `sgd-svd`: Surprise's `SVD` (biased matrix factorisation by per-rating SGD), with
/// Surprise's defaults: 100 factors, 20 epochs, lr 0.005, reg 0.02.
enum SGDSVDFamily {
    static let family = ModelFamily(
        name: "sgd-svd", summary: "biased matrix factorisation by per-rating SGD (Surprise's SVD)",
        settings: [
            ModelSetting(
                key: "k", kind: .whole(0...1_000), fallback: .value(.whole(100)),
                meaning: "latent factors (0: biases only)", alsoCalled: ["rank"]),
            ModelSetting(key: "reg", kind: .decimal(.nonNegative), fallback: .value(.decimal(0.02)), meaning: "L2 coefficient"),
            ModelSetting(
                key: "epochs", kind: .whole(1...10_000), fallback: .value(.whole(20)), meaning: "passes over the training rows",
                alsoCalled: ["iterations"]),
            ModelSetting(key: "lr", kind: .decimal(.positive), fallback: .value(.decimal(0.005)), meaning: "SGD step size"),
            .seed,
        ],
        build: { chosen, seed in
            .biasedSGD(
                BiasedSGDConfig(
                    factors: chosen.whole("k"), epochs: chosen.whole("epochs"), learningRate: Float(chosen.decimal("lr")),
                    regularization: Float(chosen.decimal("reg")), seed: seed))
        })
}
