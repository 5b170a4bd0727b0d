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
        var fallbacks = 0
        let predicted = (0..<test.count).map { row in
            let prediction = model.predictor.predict(user: Int(test.users[row]), movie: Int(test.movies[row]))
            if !prediction.estimated { fallbacks += 1 }
            return prediction.value
        }
        let errors = ErrorMetrics(predicted: predicted, actual: test.ratings.map(Double.init))
        var metrics = [
            Metric("MSE", errors.mse, precision: 4), Metric("RMSE", errors.rmse, precision: 4),
            Metric("MAE", errors.mae, precision: 4),
        ]
        if invocation.string("ranking") != nil {
            // Ranking scores every unrated movie for every test user: opt-in, since for the
            // neural model on Douban-sized data that is tens of millions of predictions.
            let cutoff = try invocation.int("ranking", default: 10, range: 1...10_000)
            let relevantFrom = try invocation.double("relevant") ?? 4
            let evaluation: RankingEvaluation
            do {
                evaluation = try RankingEvaluation(
                    train: split.train, test: test, config: RankingEvaluation.Config(cutoff: cutoff, relevantFrom: relevantFrom))
            } catch {
                throw invocation.fail("\(error)")
            }
            metrics += RankingColumns.metrics(evaluation.evaluate(model.predictor, threads: session.context.threads))
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
}
