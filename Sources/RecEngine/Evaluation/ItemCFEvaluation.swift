/// Item CF measured on a train/test split, as the article's item-based recommender is judged:
/// the rating error of item kNN beside the movie-mean baseline (over every test rating and over
/// those where kNN has a neighbour, the only ones where the two differ), and the ranking metrics
/// of kNN's predicted ratings, of the article's summed `correlation x rating` scores and of the
/// baseline. Predictions fall back to the training mean and are clipped to the training range.
public struct ItemCFEvaluation: Sendable, Codable {
    /// Item kNN on every test rating.
    public let errors: HeldOutErrors
    /// The movie-mean baseline (`KnownUserMovieMeans`) on every test rating.
    public let baselineErrors: HeldOutErrors
    /// Test ratings whose user has at least one neighbour of the movie in training.
    public let ratingsWithNeighbours: Int
    /// Item kNN on the test ratings with a neighbour.
    public let errorsWithNeighbours: HeldOutErrors
    /// The baseline on the same ratings.
    public let baselineErrorsWithNeighbours: HeldOutErrors
    /// Rankings by kNN's predicted rating.
    public let ranking: RankingMetrics
    /// Rankings by the article's summed correlation x rating (`ItemBasedRecommender`).
    public let summedRanking: RankingMetrics
    /// Rankings by the movie's mean rating.
    public let baselineRanking: RankingMetrics

    /// Evaluates `model`, fitted on `train`, on `test` (the two share their id maps), on
    /// `threads` threads (the same bits for any count); throws for a bad ranking setting.
    public init(
        model: ItemKNN, train: RatingsTable, test: RatingsTable, ranking config: RankingEvaluation.Config,
        threads: Int = allCores
    ) throws(ConfigError) {
        let matrix = model.matrix
        let rankings = try RankingEvaluation(train: train, test: test, config: config)
        let summary = train.summary()
        let scale = summary.minimum...summary.maximum
        let predictor = Predictor(model: model, fallback: summary.mean, scale: scale)
        let baseline = Predictor(
            model: KnownUserMovieMeans(matrix: matrix, means: model.means), fallback: summary.mean, scale: scale)
        // Where kNN has a neighbour it differs from the movie mean; elsewhere the two agree.
        let neighbourRows = (0..<test.count).filter {
            model.neighbourCount(user: Int(test.users[$0]), movie: Int(test.movies[$0])) > 0
        }
        let withNeighbours = test.subset(neighbourRows)
        let recommender = ItemBasedRecommender(matrix: matrix, correlation: model.correlation)
        errors = HeldOutErrors(predictor, test: test, threads: threads)
        baselineErrors = HeldOutErrors(baseline, test: test, threads: threads)
        ratingsWithNeighbours = neighbourRows.count
        errorsWithNeighbours = HeldOutErrors(predictor, test: withNeighbours, threads: threads)
        baselineErrorsWithNeighbours = HeldOutErrors(baseline, test: withNeighbours, threads: threads)
        ranking = rankings.evaluate(predictor, threads: threads)
        summedRanking = rankings.evaluate(threads: threads) { user, candidates in
            let scores = recommender.scores(user: user)
            return candidates.map { scores[$0] }
        }
        baselineRanking = rankings.evaluate(baseline, threads: threads)
    }
}
