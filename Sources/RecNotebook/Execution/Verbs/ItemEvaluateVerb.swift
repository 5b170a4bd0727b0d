import Foundation
import RecEngine

/// `item-evaluate`: item CF's measured quality on the session's split: the rating error of
/// item kNN and the ranking metrics of both item-CF scorers, recorded for the model comparison.
enum ItemEvaluateVerb {
    static let verb = Verb(
        name: "item-evaluate",
        summary: "Fits item CF on the split's training ratings and measures it on the test ratings: MAE / RMSE of "
            + "item-kNN predictions, and precision, recall, NDCG, MAP at k and coverage of its rankings and of "
            + "the article's summed scores; records item kNN for the model comparison.",
        usage: "item-evaluate [neighbours=40] [min-periods=100] [k=10] [relevant=4]",
        example: "item-evaluate neighbours=40 min-periods=100 k=5 relevant=4",
        keys: ["neighbours", ItemCFArguments.minPeriodsKey, "k", "relevant"],
        run: run)

    static let modelName = "item CF (kNN)"

    /// What the cache keeps of a run.
    private struct Measured: Codable {
        var evaluation: ItemCFEvaluation
        var fitSeconds: Double
    }

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        try invocation.noSubjects()
        let neighbours = try invocation.int("neighbours", default: 40, range: 1...100_000)
        let minPeriods = try ItemCFArguments.minPeriods(invocation)
        let cutoff = try invocation.int("k", default: 10, range: 1...10_000)
        let relevantFrom = try invocation.double("relevant") ?? 4
        let split = try session.requireSplit(invocation)
        guard split.train.count > 0 && split.test.count > 0 else {
            throw invocation.fail("the split has an empty train or test set")
        }
        let threads = session.context.threads
        // Three rankings of every test user's unrated movies: a function of the split and the
        // settings, so it goes through the runner's cache, with the fit's time as measured then.
        let measured = try session.cached(
            "item-evaluate", invocation, key: "\(neighbours) \(minPeriods) \(cutoff) \(relevantFrom)"
        ) { () throws(NotebookError) -> Measured in
            let started = ContinuousClock.now
            let matrix = session.itemCF.matrix(for: split.train)
            let correlation = try session.correlation(of: split.train, minPeriods: minPeriods, invocation)
            do throws(ConfigError) {
                let model = try ItemKNN(matrix: matrix, correlation: correlation, neighbours: neighbours)
                let fitSeconds = (ContinuousClock.now - started).seconds
                let evaluation = try ItemCFEvaluation(
                    model: model, train: split.train, test: split.test,
                    ranking: RankingEvaluation.Config(cutoff: cutoff, relevantFrom: relevantFrom), threads: threads)
                return Measured(evaluation: evaluation, fitSeconds: fitSeconds)
            } catch {
                throw invocation.fail(error.description)
            }
        }
        let (evaluation, fitSeconds) = (measured.evaluation, measured.fitSeconds)
        let errors = evaluation.errors
        let knnRanking = evaluation.ranking

        let settings = "\(neighbours) neighbours, min_periods=\(minPeriods), relevant >= \(DisplayNumber.shortest(relevantFrom))"
        session.record(
            ModelScore(
                model: modelName, settings: settings,
                metrics: [Metric("MAE", errors.metrics.mae, precision: 4), Metric("RMSE", errors.metrics.rmse, precision: 4)]
                    + RankingColumns.metrics(knnRanking),
                trainSeconds: fitSeconds))

        func row(_ name: String, _ error: HeldOutErrors?, _ metrics: RankingMetrics?) -> [TableValue] {
            [.text(name), error.map { .number($0.metrics.mae) } ?? .missing, error.map { .number($0.metrics.rmse) } ?? .missing]
                + (metrics.map(RankingColumns.values) ?? Array(repeating: .missing, count: 5))
        }
        return [
            .metrics(
                MetricList(
                    title: "Item CF on the test ratings",
                    metrics: [
                        .count("test ratings", split.test.count),
                        Metric("MAE", errors.metrics.mae, precision: 4),
                        Metric("RMSE", errors.metrics.rmse, precision: 4),
                        Metric(
                            "share estimated by the model (the rest: training mean, user or movie unseen in training)",
                            Double(errors.estimated) / Double(split.test.count), precision: 4),
                        Metric(
                            "share with at least one neighbour (elsewhere kNN gives the movie's mean)",
                            Double(evaluation.ratingsWithNeighbours) / Double(split.test.count), precision: 4),
                        Metric(
                            "MAE of item kNN where it has a neighbour", evaluation.errorsWithNeighbours.metrics.mae, precision: 4),
                        Metric(
                            "MAE of the movie mean on the same ratings", evaluation.baselineErrorsWithNeighbours.metrics.mae,
                            precision: 4),
                        .count("users ranked (a training rating and a relevant test movie)", knnRanking.users),
                        .count("relevant test users left out (no training rating)", knnRanking.coldUsers),
                    ])),
            .table(
                ResultTable(
                    title:
                        "Item CF against a movie-mean baseline (rankings: top \(cutoff) of the movies each user did not rate in training; "
                        + "relevant = test rating >= \(DisplayNumber.shortest(relevantFrom)))",
                    columns: [.text("scorer"), .decimal("MAE", precision: 4), .decimal("RMSE", precision: 4)]
                        + RankingColumns(cutoff: cutoff).columns,
                    rows: [
                        row("item kNN predicted rating (\(neighbours) neighbours)", errors, knnRanking),
                        row("article's summed correlation x rating", nil, evaluation.summedRanking),
                        row("movie mean rating (baseline)", evaluation.baselineErrors, evaluation.baselineRanking),
                    ])),
        ]
    }
}
