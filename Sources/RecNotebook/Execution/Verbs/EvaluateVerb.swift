import RecEngine

/// `evaluate`: a trained model's errors on the split's test rows; adds a row to `compare`.
enum EvaluateVerb {
    static let verb = Verb(
        name: "evaluate",
        summary: "Scores a trained model on the test rows (MSE, RMSE, MAE) and adds it to the comparison table.",
        usage: "evaluate NAME",
        example: "evaluate rsvd1",
        keys: [],
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`evaluate` needs the name of a trained model, as in: \(verb.example)")
        }
        let model = try session.requireModel(name, invocation)
        let split = try session.requireSplit(invocation)
        let test = split.test
        var fallbacks = 0
        let predicted = (0..<test.count).map { row in
            let prediction = model.predictor.predict(user: Int(test.users[row]), movie: Int(test.movies[row]))
            if !prediction.estimated { fallbacks += 1 }
            return prediction.value
        }
        let errors = ErrorMetrics(predicted: predicted, actual: test.ratings.map(Double.init))
        let metrics = [
            Metric("MSE", errors.mse, precision: 4), Metric("RMSE", errors.rmse, precision: 4),
            Metric("MAE", errors.mae, precision: 4),
        ]
        session.record(ModelScore(
            model: name, settings: "\(model.config.family): \(model.config.summary)", metrics: metrics,
            trainSeconds: model.trainSeconds))
        return [.metrics(MetricList(
            title: "`\(name)` on \(test.count) test ratings",
            metrics: metrics + [.count("test ratings predicted by the fallback (training mean)", fallbacks)]))]
    }
}
