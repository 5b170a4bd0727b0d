extension FittedModel {
    /// Whether a fit on `table` learned: nil for models without a training history; else
    /// whether its final train MAE beat the constant-mean predictor on the rows it was fitted
    /// on (the table minus its validation tail).
    public func learned(on table: RatingsTable) -> Bool? {
        guard case .factor(let model) = self else { return nil }
        let fitRows = Int(Double(table.count) * (1 - model.config.validationFraction))
        return model.history.learned(constantMeanMAE: TrainingHistory.constantMeanMAE(table.ratings.prefix(fitRows)))
    }
}
