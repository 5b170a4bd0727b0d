import Foundation
import RecEngine

/// One epoch's figures as the progress line shows them.
enum EpochLine {
    static func text(_ model: String, _ record: EpochRecord, of epochs: Int) -> String {
        var line = "\(model): epoch \(record.epoch)/\(epochs)  loss \(format(record.trainLoss))  mae \(format(record.trainMAE))"
        if let loss = record.validationLoss, let mae = record.validationMAE {
            line += "  val_loss \(format(loss))  val_mae \(format(mae))"
        }
        return line
    }

    private static func format(_ value: Double) -> String { String(format: "%.4f", value) }
}

extension ModelConfig {
    /// Epochs the progress line counts to (nil for models without epochs).
    var epochCount: Int? {
        if case .factor(let config) = self { return config.epochs }
        return nil
    }
}
