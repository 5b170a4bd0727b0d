import RecEngine

/// `evaluate`: a trained model's errors on the split's test rows; adds a row to `compare`.
enum EvaluateVerb {
    static let verb = Verb(
        name: "evaluate",
        summary: "Scores a trained model on the test rows (MSE, RMSE, MAE, and MAE apart for users seen and not seen in "
            + "training; with ranking=K also precision, recall, NDCG, MAP at K and coverage of its top-K lists) and adds it "
            + "to the comparison table. fallback=none clip=false scores as Keras' model.evaluate does: users and movies "
            + "with no training rating from their embedding rows (svd, rsvd, neural only), predictions not clipped.",
        usage: "evaluate NAME [ranking=K] [relevant=4] [fallback=mean|none] [clip=true|false]",
        example: "evaluate rsvd1 ranking=10",
        keys: ["ranking", "relevant", "fallback", "clip"],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`evaluate` needs the name of a trained model, as in: \(verb.example)")
        }
        let rankingConfig = try RankingColumns.config(invocation)
        if session.sparkData != nil { return try SparkDataVerbs.evaluate(name, rankingConfig, invocation, session) }
        // Refused when the model may have been trained on these test rows (see `Session+TrainingRecord`).
        let (model, split, warning) = try session.requireModelOnSplit(name, invocation)
        let rule = try predictionRule(invocation)
        let predictor: Predictor<FittedModel>
        do {
            predictor = try model.predictor.following(rule)
        } catch {
            throw invocation.fail(
                "fallback=none scores users and movies with no training rating from their embedding rows, which only "
                    + "svd, rsvd and neural models keep; `\(name)` is a \(model.config.family) model: use fallback=mean")
        }
        let test = split.test
        let heldOut = HeldOutErrors(predictor, test: test, train: split.train, threads: session.context.threads)
        let errors = heldOut.metrics
        let fallbacks = test.count - heldOut.estimated
        var metrics = [
            Metric("MSE", errors.mse, precision: 4), Metric("RMSE", errors.rmse, precision: 4),
            Metric("MAE", errors.mae, precision: 4),
        ]
        if let config = rankingConfig {
            // Ranking scores every unrated movie for every test user: opt-in, since for the
            // neural model on Douban-sized data that is tens of millions of predictions.
            metrics += RankingColumns.metrics(try ranking(model, predictor, split, config, invocation, session))
        }
        session.record(
            ModelScore(
                model: name,
                settings: "\(model.config.family): \(model.settings)"
                    + (rule == .standard ? "" : " (scored with fallback=\(rule.fallback.rawValue), clip=\(rule.clip))")
                    + (warning == nil ? "" : " (may have seen test rows)"),
                metrics: metrics,
                trainSeconds: model.trainSeconds))
        return [
            .metrics(
                MetricList(
                    title: "`\(name)` on \(DisplayNumber.count(test.count)) test ratings",
                    metrics: metrics + [.count("test ratings predicted by the fallback (training mean)", fallbacks)]
                        + seenAndUnseen(heldOut)))
        ] + [warning.map(CellResult.note)].compactMap { $0 }
    }

    /// The ranking metrics, through the runner's cache when the model's parameters are known
    /// by key: they take a prediction for every test user and unrated movie, tens of millions
    /// on Douban-sized data, and are a function of the split (in the cell's inputs) and the model.
    private static func ranking(
        _ model: TrainedModel, _ predictor: Predictor<FittedModel>, _ split: SplitState, _ config: RankingEvaluation.Config,
        _ invocation: Invocation,
        _ session: Session
    ) throws(NotebookError) -> RankingMetrics {
        let compute = { () throws(NotebookError) -> RankingMetrics in
            let evaluation: RankingEvaluation
            do {
                evaluation = try RankingEvaluation(train: split.train, test: split.test, config: config)
            } catch {
                throw invocation.fail("\(error)")
            }
            return evaluation.evaluate(predictor, threads: session.context.threads)
        }
        guard let parametersKey = model.parametersKey else { return try compute() }
        return try session.cached(
            "ranking \(model.name)", invocation, key: "\(config) model \(parametersKey)", compute: compute)
    }

    /// `fallback=` and `clip=`; recbook's own rule unless the directive says otherwise.
    private static func predictionRule(_ invocation: Invocation) throws(NotebookError) -> PredictionRule {
        let fallback = try invocation.choice(
            "fallback", from: PredictionRule.Fallback.allCases.map(\.rawValue),
            default: PredictionRule.standard.fallback.rawValue)
        return PredictionRule(
            fallback: PredictionRule.Fallback(rawValue: fallback) ?? PredictionRule.standard.fallback,
            clip: try invocation.bool("clip", default: PredictionRule.standard.clip))
    }

    /// The MAE on test ratings whose user has training ratings and on the rest (cold-start
    /// users), each with its count; an empty part shows only its count of 0.
    private static func seenAndUnseen(_ errors: HeldOutErrors) -> [Metric] {
        var metrics: [Metric] = []
        for (part, label) in [(errors.seenUsers, "seen in training"), (errors.unseenUsers, "not in training")] {
            guard let part else { continue }
            if part.count > 0 { metrics.append(Metric("MAE (users \(label))", part.mae, precision: 4)) }
            metrics.append(.count("test ratings from users \(label)", part.count))
        }
        return metrics
    }
}
