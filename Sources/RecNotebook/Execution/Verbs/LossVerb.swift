import RecEngine

/// `loss`: a trained model's per-epoch training curve (the article plots the training MAE).
enum LossVerb {
    static let verb = Verb(
        name: "loss",
        summary: "Plots a trained model's per-epoch MAE or loss, training and (if any) validation.",
        usage: "loss NAME [metric=mae|loss]",
        example: "loss rsvd1 metric=mae",
        keys: ["metric"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`loss` needs the name of a trained model, as in: \(verb.example)")
        }
        let metric = try invocation.choice("metric", from: ["mae", "loss"], default: "mae")
        let model = try session.requireModel(name, invocation)
        guard let history = model.history, !history.epochs.isEmpty else {
            throw invocation.fail(
                "`\(name)` (\(model.config.family)) is not trained by epochs, so it has no loss curve; train svd, rsvd or neural")
        }
        let train = history.epochs.map { metric == "mae" ? $0.trainMAE : $0.trainLoss }
        var series = [LineChart.Series(name: metric == "mae" ? "train MAE" : "train loss", values: train)]
        let validation = history.epochs.compactMap { metric == "mae" ? $0.validationMAE : $0.validationLoss }
        if validation.count == history.epochs.count {
            series.append(LineChart.Series(name: metric == "mae" ? "validation MAE" : "validation loss", values: validation))
        }
        return [
            .lineChart(
                LineChart(
                    title: "`\(name)`: \(metric == "mae" ? "mean absolute error" : "loss (MSE + L2)") by epoch",
                    xLabel: "epoch", yLabel: metric == "mae" ? "MAE" : "loss", series: series))
        ]
    }
}
