extension ModelSetting {
    /// The key of the per-fit seed.
    static let seedKey = "seed"

    /// `seed`: the seed of one fit, for the families whose fit draws random numbers (initial
    /// factors, shuffled batches). Left off, each model's seed comes from the master seed
    /// (`seed N`) and the model's name; given, it replaces that for this fit only, and the
    /// settings shown say so. `grid` takes a list and fits every setting once per seed.
    static let seed = ModelSetting(
        key: seedKey, kind: .whole(0...999_999_999),
        fallback: .derived("from the master seed"),
        meaning: "seed of this fit's random draws, replacing the one drawn from the master seed (`seed N`) and the "
            + "model's name; in `grid`, a list fits each setting once per seed")
}
