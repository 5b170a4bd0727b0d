import RecEngine

/// `baseline`: Surprise's `BaselineOnly` (mean plus user and movie biases by ALS), with
/// Surprise's defaults: 10 epochs, reg-u 15, reg-i 10.
enum BaselineFamily {
    static let family = ModelFamily(
        name: "baseline", summary: "mean plus user and movie biases by ALS (Surprise's BaselineOnly)",
        settings: [
            ModelSetting(
                key: "epochs", kind: .whole(1...10_000), fallback: .value(.whole(10)), meaning: "alternations",
                alsoCalled: ["iterations"]),
            ModelSetting(
                key: "reg-u", kind: .decimal(.nonNegative), fallback: .value(.decimal(15)), meaning: "shrinkage of user biases",
                alsoCalled: ["reg"]),
            ModelSetting(
                key: "reg-i", kind: .decimal(.nonNegative), fallback: .value(.decimal(10)), meaning: "shrinkage of movie biases"),
        ],
        build: { chosen, _ in
            .baseline(
                BaselineConfig(
                    epochs: chosen.whole("epochs"), userRegularization: chosen.decimal("reg-u"),
                    movieRegularization: chosen.decimal("reg-i")))
        })
}
