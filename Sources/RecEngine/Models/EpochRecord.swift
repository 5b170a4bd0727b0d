/// What one epoch of training measured. Train figures are running means over the epoch's
/// batches (as Keras reports them); validation figures use the weights at the epoch's end.
public struct EpochRecord: Sendable, Hashable, Codable {
    /// 1-based.
    public var epoch: Int
    /// Mean squared error on the training batches, plus the L2 penalty at the epoch's end
    /// (Keras' `loss`).
    public var trainLoss: Double
    public var trainMAE: Double
    /// Validation MSE plus the same penalty (Keras' `val_loss`); nil without validation.
    public var validationLoss: Double?
    public var validationMAE: Double?
    public var seconds: Double
}
