/// Every epoch's record, in order.
public struct TrainingHistory: Sendable, Hashable, Codable {
    public var epochs: [EpochRecord] = []
    /// True when early stopping ended training before the configured epoch count.
    public var stoppedEarly = false

    public init(epochs: [EpochRecord] = [], stoppedEarly: Bool = false) {
        self.epochs = epochs
        self.stoppedEarly = stoppedEarly
    }
}

extension TrainingHistory {
    /// The MAE of predicting the mean of `ratings` for each of them (their mean absolute
    /// deviation): what a fit on those rows must beat to have learned anything.
    public static func constantMeanMAE(_ ratings: ArraySlice<Float>) -> Double {
        guard !ratings.isEmpty else { return 0 }
        let mean = ratings.reduce(0.0) { $0 + Double($1) } / Double(ratings.count)
        return ratings.reduce(0.0) { $0 + abs(Double($1) - mean) } / Double(ratings.count)
    }

    /// Whether the fit ended with a train MAE below `constantMeanMAE` (see `constantMeanMAE(_:)`).
    public func learned(constantMeanMAE: Double) -> Bool {
        guard let last = epochs.last else { return true }
        return last.trainMAE < constantMeanMAE
    }
}
