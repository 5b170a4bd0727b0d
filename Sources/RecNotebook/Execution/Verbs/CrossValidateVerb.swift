import Foundation
import RecEngine

/// `crossvalidate`: fits a model on each fold of a k-fold split and scores it on the fold's
/// test rows (Surprise's `cross_validate`); adds the means to `compare`.
enum CrossValidateVerb {
    static let verb = Verb(
        name: "crossvalidate",
        summary: "Trains a model on every fold of the k-fold split and reports each fold's and the mean RMSE and MAE "
            + "(with ranking=K also precision, recall, NDCG, MAP at K and coverage).",
        usage: "crossvalidate NAME model=... [settings as for train] [seed=N] [ranking=K] [relevant=4]",
        example: "crossvalidate sgd model=sgd-svd k=100 epochs=20 ranking=10",
        keys: ModelOptions.keys + ["ranking", "relevant"],
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
        let config = try ModelOptions.candidates(
            invocation, rows: split.folds.first?.train.count ?? dataset.ratings.count,
            seed: ModelOptions.seed(session, name: name), allowLists: false)[0]
        let givenSeed = try ModelOptions.seeds(invocation).first
        let ranking = try RankingColumns.config(invocation)
        do throws(ConfigError) { try ranking?.validate() } catch { throw invocation.fail(error.description) }
        // k full fits: the fold scores go through the runner's cache.
        let result = try session.cached("crossvalidate \(name)", invocation, key: "\(config) \(String(describing: ranking))") {
            () throws(NotebookError) -> CrossValidation in
            do throws(TrainingError) {
                return try CrossValidation.run(
                    config, on: dataset.ratings, splits: split.folds, ranking: ranking, threads: session.context.threads)
            } catch {
                throw ModelOptions.failure(error, invocation)
            }
        }
        return results(name, config, givenSeed, result, session)
    }

    private static func results(
        _ name: String, _ config: ModelConfig, _ givenSeed: UInt64?, _ result: CrossValidation, _ session: Session
    ) -> [CellResult] {
        let settings = config.summary(givenSeed: givenSeed)
        let rankingColumns = result.meanRanking.map { RankingColumns(cutoff: $0.cutoff) }
        var rows: [[TableValue]] = result.folds.enumerated().map { fold, score in
            [.text("fold \(fold + 1)"), .number(score.rmse), .number(score.mae), .integer(score.count)]
                + (rankingColumns == nil ? [] : RankingColumns.values(result.rankings[fold]))
        }
        rows.append(
            [.text("mean"), .number(result.meanRMSE), .number(result.meanMAE), .missing]
                + (result.meanRanking.map(RankingColumns.values) ?? []))
        var metrics = [
            Metric("RMSE", result.meanRMSE, precision: 4), Metric("MAE", result.meanMAE, precision: 4),
            Metric("MSE", result.meanMSE, precision: 4),
        ]
        if let ranking = result.meanRanking { metrics += RankingColumns.metrics(ranking) }
        session.record(
            ModelScore(
                model: name, settings: "\(config.family): \(settings)", metrics: metrics,
                trainSeconds: result.seconds / Double(result.folds.count)))
        var results: [CellResult] = [
            .table(
                ResultTable(
                    title: "`\(name)` (\(config.family): \(settings)), \(result.folds.count)-fold cross-validation; "
                        + String(format: "RMSE spread ±%.4f", result.rmseSpread),
                    columns: [
                        .text("fold"), .decimal("RMSE", precision: 4), .decimal("MAE", precision: 4), .integer("test ratings"),
                    ] + (rankingColumns?.columns ?? []),
                    rows: rows))
        ]
        if result.learned == false {
            results.append(
                .note(
                    "Warning: `\(name)` did not learn in at least one fold: its final train MAE was no better than "
                        + "predicting the mean rating for every training row. Train it with `train` to see its epochs and "
                        + "what to change."))
        }
        return results
    }
}
