/// Why training stopped without a model.
public enum TrainingError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidConfig(ConfigError)
    /// No training ratings (or none left after the validation split).
    case noTrainingData
    /// A parameter became NaN or infinite during `epoch` (1-based).
    case diverged(epoch: Int, learningRate: Float)

    public var description: String {
        switch self {
        case .invalidConfig(let error): return error.description
        case .noTrainingData: return "there are no training ratings to fit on (check the split and validation fraction)"
        case .diverged(let epoch, let learningRate):
            return "training diverged in epoch \(epoch): a parameter became NaN or infinite; "
                + "try a smaller learning rate than lr=\(learningRate) (e.g. lr=\(learningRate / 10))"
        }
    }
}
