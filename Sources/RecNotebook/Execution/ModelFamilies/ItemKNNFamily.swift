import RecEngine

/// `item-knn`: item-based k nearest neighbours on Pearson correlations (the article's item CF),
/// 40 neighbours and correlations over at least 100 common raters by default.
enum ItemKNNFamily {
    static let family = ModelFamily(
        name: "item-knn", summary: "item-based nearest neighbours on Pearson correlations (the article's item CF)",
        settings: [
            ModelSetting(
                key: "neighbours", kind: .whole(1...100_000), fallback: .value(.whole(40)),
                meaning: "most similar rated movies a prediction averages", alsoCalled: ["k"]),
            ModelSetting(
                key: "min-periods", kind: .whole(1...1_000_000), fallback: .value(.whole(100)),
                meaning: "common raters a correlation needs (pandas' min_periods)"),
        ],
        build: { chosen, _ in
            .itemKNN(ItemKNN.Config(neighbours: chosen.whole("neighbours"), minPeriods: chosen.whole("min-periods")))
        })
}
