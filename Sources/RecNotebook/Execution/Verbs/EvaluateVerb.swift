import RecEngine

/// `evaluate`: a trained model's errors on the split's test rows; adds a row to `compare`.
enum EvaluateVerb {
    static let verb = Verb(
        name: "evaluate",
        summary: "Scores a trained model on the test rows (MSE, RMSE, MAE; with ranking=K also precision, recall, NDCG, "
            + "MAP at K and coverage of its top-K lists) and adds it to the comparison table.",
        usage: "evaluate NAME [ranking=K] [relevant=4]",
        example: "evaluate rsvd1 ranking=10",
        keys: ["ranking", "relevant"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`evaluate` needs the name of a trained model, as in: \(verb.example)")
        }
        // Refused when the model may have been trained on these test rows (see `Session+TrainingRecord`).
        let (model, split, warning) = try session.requireModelOnSplit(name, invocation)
        let test = split.test
        let heldOut = HeldOutErrors(model.predictor, test: test, threads: session.context.threads)
        let errors = heldOut.metrics
        let fallbacks = test.count - heldOut.estimated
        var metrics = [
            Metric("MSE", errors.mse, precision: 4), Metric("RMSE", errors.rmse, precision: 4),
            Metric("MAE", errors.mae, precision: 4),
        ]
        if invocation.string("ranking") != nil {
            // Ranking scores every unrated movie for every test user: opt-in, since for the
            // neural model on Douban-sized data that is tens of millions of predictions.
            let config = RankingEvaluation.Config(
                cutoff: try invocation.int("ranking", default: 10, range: 1...10_000),
                relevantFrom: try invocation.double("relevant") ?? 4)
            metrics += RankingColumns.metrics(try ranking(model, split, config, invocation, session))
        }
        session.record(
            ModelScore(
                model: name,
                settings: "\(model.config.family): \(model.settings)"
                    + (warning == nil ? "" : " (may have seen test rows)"),
                metrics: metrics,
                trainSeconds: model.trainSeconds))
        return [
            .metrics(
                MetricList(
                    title: "`\(name)` on \(DisplayNumber.count(test.count)) test ratings",
                    metrics: metrics + [.count("test ratings predicted by the fallback (training mean)", fallbacks)]))
        ] + [warning.map(CellResult.note)].compactMap { $0 }
    }

    /// The ranking metrics, through the runner's cache when the model's parameters are known
    /// by key: they take a prediction for every test user and unrated movie, tens of millions
    /// on Douban-sized data, and are a function of the split (in the cell's inputs) and the model.
    private static func ranking(
        _ model: TrainedModel, _ split: SplitState, _ config: RankingEvaluation.Config, _ invocation: Invocation,
        _ session: Session
    ) throws(NotebookError) -> RankingMetrics {
        let compute = { () throws(NotebookError) -> RankingMetrics in
            let evaluation: RankingEvaluation
            do {
                evaluation = try RankingEvaluation(train: split.train, test: split.test, config: config)
            } catch {
                throw invocation.fail("\(error)")
            }
            return evaluation.evaluate(model.predictor, threads: session.context.threads)
        }
        guard let parametersKey = model.parametersKey else { return try compute() }
        return try session.cached(
            "ranking \(model.name)", invocation, key: "\(config) model \(parametersKey)", compute: compute)
    }
}
