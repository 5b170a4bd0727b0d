import RecEngine

/// Whether an Adam fit learned, and if not, what to change; the message gives the numbers
/// (batches per epoch, Adam steps, lr) and the likely remedy:
/// - did not learn: the final train MAE is no better than predicting the mean training rating
///   for every row fitted on (the constant-mean predictor). When its loss rose, or its train MAE
///   ended more than 10% above its best epoch's, lr is likely too large; otherwise, under
///   `enoughSteps` Adam steps the remedy is more steps (smaller batch, more epochs) or a larger
///   lr; above, a larger lr.
/// - the train loss ended above its first epoch's: lr is likely too large.
/// - still learning: under `enoughSteps` steps, the last epoch cut the train MAE by more than
///   `stillLearning`; more epochs. (The article's fits take 3,600 steps or more and never see it.)
struct LearningCheck {
    /// Adam steps below which a failed fit is blamed on too few steps rather than on lr, and a
    /// fit still learning fast at its end gets a note.
    static let enoughSteps = 2_000
    /// A last epoch that cut the train MAE by more than this share means training stopped
    /// while still learning fast.
    static let stillLearning = 0.02

    let config: FactorModelConfig
    let history: TrainingHistory
    /// The rows fitted on (the training table minus the validation tail).
    let fitRows: Int
    /// MAE of predicting the mean rating of the fitted rows for each of them.
    let constantMeanMAE: Double

    init(config: FactorModelConfig, history: TrainingHistory, table: RatingsTable) {
        self.config = config
        self.history = history
        // FactorTrainer's cut: the first `1 - validationFraction` of the rows.
        fitRows = Int(Double(table.count) * (1 - config.validationFraction))
        constantMeanMAE = TrainingHistory.constantMeanMAE(table.ratings.prefix(fitRows))
    }

    var batch: Int { min(config.batchSize, max(fitRows, 1)) }
    var batchesPerEpoch: Int { (fitRows + batch - 1) / batch }
    var steps: Int { batchesPerEpoch * history.epochs.count }

    /// The warning or note to show, or nil when the fit learned and settled.
    func warning(model name: String) -> String? {
        guard let first = history.epochs.first, let last = history.epochs.last, fitRows > 0 else { return nil }
        // Through its shortest text, so that 0.001 as a Float reads 0.001, not 0.0010000000474974513.
        let lr = Double("\(config.adam.learningRate)") ?? Double(config.adam.learningRate)
        let run =
            "It took \(batchesPerEpoch) \(batchesPerEpoch == 1 ? "batch" : "batches") of \(grouped(batch)) per epoch, "
            + "\(grouped(steps)) Adam steps in all at lr=\(DisplayNumber.shortest(lr))."
        if !history.learned(constantMeanMAE: constantMeanMAE) {
            let said =
                "Warning: `\(name)` did not learn: its final train MAE (\(DisplayNumber.fixed(last.trainMAE, 4))) is no "
                + "better than predicting the mean rating for every row (\(DisplayNumber.fixed(constantMeanMAE, 4))). "
                + run
            // A fit that was once better than it ended overshoots: more steps would not help.
            if let best = history.epochs.map(\.trainMAE).min(), last.trainLoss > first.trainLoss || last.trainMAE > best * 1.1 {
                return said + " Its train MAE was \(DisplayNumber.fixed(best, 4)) at best and its loss went from "
                    + "\(DisplayNumber.fixed(first.trainLoss, 4)) to \(DisplayNumber.fixed(last.trainLoss, 4)): the learning "
                    + "rate is likely too large: try lr=\(DisplayNumber.shortest(lr / 10))."
            }
            guard steps < Self.enoughSteps else {
                return said + " Try a larger learning rate (e.g. lr=\(DisplayNumber.shortest(lr * 10))) or more epochs."
            }
            // Four times the steps by either route, or a tenfold learning rate.
            return said + " That is too few steps to move the embeddings far from their start: try a smaller batch "
                + "(batch=\(max(1, batch / 4)) gives about four times the steps), more epochs "
                + "(epochs=\(history.epochs.count * 4)), or a larger learning rate (e.g. lr=\(DisplayNumber.shortest(lr * 10)))."
        }
        if history.epochs.count > 1 && last.trainLoss > first.trainLoss {
            return "Warning: `\(name)`'s train loss rose from \(DisplayNumber.fixed(first.trainLoss, 4)) in epoch 1 to "
                + "\(DisplayNumber.fixed(last.trainLoss, 4)) in epoch \(last.epoch). \(run) The learning rate is likely "
                + "too large: try lr=\(DisplayNumber.shortest(lr / 10))."
        }
        // Only after few steps: a long fit still creeping down is not worth a note.
        if history.epochs.count > 1, !history.stoppedEarly, steps < Self.enoughSteps {
            let previous = history.epochs[history.epochs.count - 2]
            let drop = (previous.trainMAE - last.trainMAE) / previous.trainMAE
            if drop > Self.stillLearning {
                return "Note: `\(name)` was still learning when it stopped: its train MAE fell "
                    + "\(DisplayNumber.fixed(drop * 100, 1))% in the last epoch (\(DisplayNumber.fixed(previous.trainMAE, 4)) to "
                    + "\(DisplayNumber.fixed(last.trainMAE, 4))). \(run) More epochs (or a larger learning rate) would fit it "
                    + "further."
            }
        }
        return nil
    }

    /// 10000 as `10,000`.
    private func grouped(_ value: Int) -> String {
        let digits = String(value)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }
}
