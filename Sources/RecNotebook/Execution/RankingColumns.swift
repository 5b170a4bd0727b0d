import RecEngine

/// The ranking metrics as every verb shows them, under the same names so that `compare` lines
/// up `evaluate`, `item-evaluate` and `crossvalidate` rows.
struct RankingColumns {
    var cutoff: Int

    /// `ranking=K [relevant=R]` as `evaluate` and `crossvalidate` read them, in either engine:
    /// nil without `ranking=`, and an error for `relevant=` alone rather than a setting ignored.
    static func config(_ invocation: Invocation) throws(NotebookError) -> RankingEvaluation.Config? {
        guard invocation.string("ranking") != nil else {
            if invocation.string("relevant") != nil {
                throw invocation.fail("relevant= says which held-out ratings count for ranking=K: give ranking=K too")
            }
            return nil
        }
        return RankingEvaluation.Config(
            cutoff: try invocation.int("ranking", default: 10, range: 1...10_000),
            relevantFrom: try invocation.double("relevant") ?? 4)
    }

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
