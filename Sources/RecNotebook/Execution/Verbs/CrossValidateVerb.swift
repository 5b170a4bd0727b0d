import Foundation
import RecEngine

/// `crossvalidate`: fits a model on each fold of a k-fold split and scores it on the fold's
/// test rows (Surprise's `cross_validate`); adds the means to `compare`.
enum CrossValidateVerb {
    static let verb = Verb(
        name: "crossvalidate",
        summary: "Trains a model on every fold of the k-fold split and reports each fold's and the mean RMSE and MAE.",
        usage: "crossvalidate NAME model=... [settings as for train]",
        example: "crossvalidate sgd model=sgd-svd k=100 epochs=20",
        keys: ModelOptions.keys,
        run: run)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        let subjects = invocation.directive.subjects
        guard subjects.count == 1, let name = subjects.first else {
            throw invocation.fail("`crossvalidate` needs a name for the row in the comparison, as in: \(verb.example)")
        }
        let split = try session.requireSplit(invocation)
        guard split.kind == "k-fold" else {
            throw invocation.fail("crossvalidate needs a k-fold split; add `split folds=5` before it")
        }
        let dataset = try session.requireDataset(invocation)
        let config = try ModelOptions.candidates(invocation, seed: ModelOptions.seed(session, name: name), allowLists: false)[0]
        // k full fits: the fold scores go through the runner's cache.
        let result = try session.cached("crossvalidate \(name)", invocation, key: "\(config)") {
            () throws(NotebookError) -> CrossValidation in
            do throws(TrainingError) {
                return try CrossValidation.run(config, on: dataset.ratings, splits: split.folds)
            } catch {
                throw ModelOptions.failure(error, invocation)
            }
        }
        var rows: [[TableValue]] = result.folds.enumerated().map { fold, score in
            [.text("fold \(fold + 1)"), .number(score.rmse), .number(score.mae), .integer(score.count)]
        }
        rows.append([.text("mean"), .number(result.meanRMSE), .number(result.meanMAE), .missing])
        let metrics = [
            Metric("RMSE", result.meanRMSE, precision: 4), Metric("MAE", result.meanMAE, precision: 4),
            Metric("MSE", result.meanMSE, precision: 4),
        ]
        session.record(
            ModelScore(
                model: name, settings: "\(config.family): \(config.summary)", metrics: metrics,
                trainSeconds: result.seconds / Double(result.folds.count)))
        return [
            .table(
                ResultTable(
                    title: "`\(name)` (\(config.family): \(config.summary)), \(result.folds.count)-fold cross-validation; "
                        + String(format: "RMSE spread ±%.4f", result.rmseSpread),
                    columns: [
                        .text("fold"), .decimal("RMSE", precision: 4), .decimal("MAE", precision: 4), .integer("test ratings"),
                    ],
                    rows: rows))
        ]
    }
}
