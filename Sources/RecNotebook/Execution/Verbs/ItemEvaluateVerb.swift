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
        let started = ContinuousClock.now
        let matrix = session.itemCF.matrix(for: split.train)
        let model: ItemKNN
        let ranking: RankingEvaluation
        do {
            let correlation = try session.itemCF.correlation(for: split.train, minPeriods: minPeriods)
            model = try ItemKNN(matrix: matrix, correlation: correlation, neighbours: neighbours)
            ranking = try RankingEvaluation(
                train: split.train, test: split.test,
                config: RankingEvaluation.Config(cutoff: cutoff, relevantFrom: relevantFrom))
        } catch {
            throw ItemCFArguments.configFailure(error, invocation)
        }
        let fitSeconds = (ContinuousClock.now - started).seconds
        let summary = split.train.summary()
        let scale = summary.minimum...summary.maximum
        let predictor = Predictor(model: model, fallback: summary.mean, scale: scale)
        let errors = HeldOutErrors(predictor, test: split.test, threads: threads)
        let baselinePredictor = Predictor(
            model: MovieMeanBaseline(matrix: matrix, means: model.means), fallback: summary.mean, scale: scale)
        let baseline = HeldOutErrors(baselinePredictor, test: split.test, threads: threads)
        // Where kNN has a neighbour it differs from the movie mean; elsewhere the two agree.
        let neighbourRows = (0..<split.test.count).filter {
            model.neighbourCount(user: Int(split.test.users[$0]), movie: Int(split.test.movies[$0])) > 0
        }
        let withNeighbours = split.test.subset(neighbourRows)
        let knnWithNeighbours = HeldOutErrors(predictor, test: withNeighbours, threads: threads)
        let baselineWithNeighbours = HeldOutErrors(baselinePredictor, test: withNeighbours, threads: threads)
        let knnRanking = ranking.evaluate(predictor, threads: threads)
        let recommender = ItemBasedRecommender(matrix: matrix, correlation: model.correlation)
        let sumRanking = ranking.evaluate(threads: threads) { user, candidates in
            let scores = recommender.scores(user: user)
            return candidates.map { scores[$0] }
        }
        let baselineRanking = ranking.evaluate(baselinePredictor, threads: threads)

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
                            Double(neighbourRows.count) / Double(split.test.count), precision: 4),
                        Metric("MAE of item kNN where it has a neighbour", knnWithNeighbours.metrics.mae, precision: 4),
                        Metric("MAE of the movie mean on the same ratings", baselineWithNeighbours.metrics.mae, precision: 4),
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
                        row("article's summed correlation x rating", nil, sumRanking),
                        row("movie mean rating (baseline)", baseline, baselineRanking),
                    ])),
        ]
    }
}

/// Each movie's mean training rating as the prediction for every known user: the yardstick item
/// kNN's error is read against (kNN gives the same value where it has no neighbour). It throws
/// for users and movies unseen in training exactly as `ItemKNN` does, so that both fall back to
/// the training mean on the same rows and differ only where the correlations speak.
private struct MovieMeanBaseline: RatingEstimator {
    /// By user: whether the user has a training rating.
    let known: [Bool]
    let means: [Double]

    init(matrix: RatingMatrix, means: [Double]) {
        known = (0..<matrix.userCount).map { matrix.rowStart[$0] < matrix.rowStart[$0 + 1] }
        self.means = means
    }

    func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
        guard user >= 0 && user < known.count && known[user] else { throw .unknownUser(user) }
        guard movie >= 0 && movie < means.count && !means[movie].isNaN else { throw .unknownMovie(movie) }
        return means[movie]
    }
}
