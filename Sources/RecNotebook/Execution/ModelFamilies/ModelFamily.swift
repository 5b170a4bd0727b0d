import RecEngine

/// A kind of model `train`, `grid` and `crossvalidate` can fit: its name, the settings it takes
/// (with their defaults and allowed values) and how its engine config is built from them.
/// Each family is declared in its own file and listed in `ModelFamilyRegistry`.
struct ModelFamily: Sendable {
    /// As written after `model=`, e.g. `rsvd`.
    var name: String
    /// One line for the directive reference.
    var summary: String
    /// Every setting, in the order a grid nests them (the first varies slowest).
    var settings: [ModelSetting]
    /// The engine config for one choice of every setting; `seed` seeds models that draw random
    /// numbers (the `seed` setting's value when given, see `ModelOptions.candidates`).
    var build: @Sendable (ChosenSettings, _ seed: UInt64) -> ModelConfig
    /// Whether `save` writes its models (and `restore` reads them): only families with a
    /// documented, versioned file format (`ModelFiles.savable`) say yes.
    var canBeSaved = false

    func setting(_ key: String) -> ModelSetting? {
        settings.first { $0.key == key }
    }

    /// The settings with their defaults for a fit on `rows` training ratings, e.g.
    /// `rank=10, iterations=10, reg=0.1, nonnegative=false, seed=(from the master seed)`.
    func defaultsText(rows: Int) -> String {
        settings.map { setting in
            if case .derived(let text) = setting.fallback { return "\(setting.key)=(\(text))" }
            return "\(setting.key)=\(setting.defaultValue(rows: rows))"
        }.joined(separator: ", ")
    }
}
