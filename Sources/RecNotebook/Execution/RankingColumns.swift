import RecEngine

/// The ranking metrics as every verb shows them, under the same names so that `compare` lines
/// up `evaluate`, `item-evaluate` and `crossvalidate` rows.
struct RankingColumns {
    var cutoff: Int

    var columns: [TableColumn] {
        Self.names(cutoff).map { .decimal($0, precision: 4) }
    }

    static func values(_ metrics: RankingMetrics) -> [TableValue] {
        figures(metrics).map(TableValue.number)
    }

    static func metrics(_ metrics: RankingMetrics) -> [Metric] {
        zip(names(metrics.cutoff), figures(metrics)).map { Metric($0, $1, precision: 4) }
    }

    private static func names(_ cutoff: Int) -> [String] {
        ["precision@\(cutoff)", "recall@\(cutoff)", "NDCG@\(cutoff)", "MAP@\(cutoff)", "coverage"]
    }

    private static func figures(_ metrics: RankingMetrics) -> [Double] {
        [metrics.precision, metrics.recall, metrics.ndcg, metrics.map, metrics.coverage]
    }
}
