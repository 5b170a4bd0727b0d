import RecEngine

/// One row of the comparison table: a model and its scores on the session's split.
struct ModelScore {
    var model: String
    /// Its settings in a few words, e.g. `k=10, 50 epochs, adam`.
    var settings: String
    /// Metrics by name (MAE, RMSE, ...), in display order.
    var metrics: [Metric]
    var trainSeconds: Double?
}
