import RecEngine

/// `als`: explicit alternating least squares with Spark MLlib's objective and defaults
/// (rank 10, 10 iterations, reg 0.1).
enum ALSFamily {
    static let family = ModelFamily(
        name: "als", summary: "explicit alternating least squares (Spark MLlib's ALS)",
        settings: [
            ModelSetting(
                key: "rank", kind: .whole(1...1_000), fallback: .value(.whole(10)), meaning: "latent factors (Spark's rank)",
                alsoCalled: ["k"]),
            ModelSetting(
                key: "iterations", kind: .whole(1...10_000), fallback: .value(.whole(10)),
                meaning: "alternations (Spark's maxIter)", alsoCalled: ["epochs"]),
            ModelSetting(
                key: "reg", kind: .decimal(.positive), fallback: .value(.decimal(0.1)),
                meaning: "λ, scaled by each row's rating count (Spark's regParam)"),
            ModelSetting(
                key: "nonnegative", kind: .flag, fallback: .value(.flag(false)), meaning: "keep every factor >= 0"),
            .seed,
        ],
        build: { chosen, seed in
            .als(
                ALSConfig(
                    rank: chosen.whole("rank"), iterations: chosen.whole("iterations"), regularization: chosen.decimal("reg"),
                    nonnegative: chosen.flag("nonnegative"), seed: seed))
        })
}
