import Foundation

/// Ranks, for every test user, the movies the user did not rate in training and scores the top
/// `k` against the user's held-out ratings (see `RankingMetrics` for the formulas). Shared by
/// every model: it needs only a score per (user, candidate movie), e.g. a `Predictor`'s rating.
///
/// - Relevant: a held-out movie whose rating (duplicates averaged) is at least `relevantFrom`
///   and that the user did not also rate in training (it could never be recommended).
/// - Candidates: every movie of the catalogue (the table's movie ids) without a training rating
///   by the user; ranked by decreasing score, ties by movie index, NaN scores last.
/// - Users: those with a training rating and a relevant held-out movie; cold users are counted.
///
/// Users are scored in parallel in fixed blocks and combined in user order, so the figures are
/// the same at any thread count.
public struct RankingEvaluation: Sendable {
    /// Validated settings.
    public struct Config: Sendable, Hashable, Codable {
        /// `k` of precision@k and friends.
        public var cutoff: Int
        /// Held-out ratings at or above this count as relevant.
        public var relevantFrom: Double

        public init(cutoff: Int = 10, relevantFrom: Double = 4) {
            self.cutoff = cutoff
            self.relevantFrom = relevantFrom
        }

        public func validate() throws(ConfigError) {
            guard cutoff >= 1 else { throw ConfigError(setting: "k", allowed: "at least 1", given: "\(cutoff)") }
            guard relevantFrom.isFinite else {
                throw ConfigError(setting: "relevant", allowed: "a number", given: "\(relevantFrom)")
            }
        }
    }

    public let config: Config
    private let train: RatingMatrix
    private let test: RatingMatrix

    /// `train` and `test` must share their id maps (as `RatingsTable.subset` keeps them).
    public init(train: RatingsTable, test: RatingsTable, config: Config) throws(ConfigError) {
        try config.validate()
        precondition(
            train.movieCount == test.movieCount && train.userCount == test.userCount,
            "train and test must come from one table")
        self.config = config
        self.train = RatingMatrix(train)
        self.test = RatingMatrix(test)
    }

    /// Ranks with `score(user, candidates)`, which returns one score per candidate, in order,
    /// scoring users on `threads` threads.
    public func evaluate(threads: Int = allCores, score: @Sendable (Int, [Int]) -> [Double]) -> RankingMetrics {
        let cutoff = config.cutoff
        let threshold = Float(config.relevantFrom)
        let movies = train.movieCount
        var evaluated: [Int] = []
        var coldUsers = 0
        for user in 0..<test.userCount {
            let (held, ratings) = test.row(user)
            guard zip(held, ratings).contains(where: { $0.1 >= threshold }) else { continue }
            if train.rowStart[user] == train.rowStart[user + 1] {
                coldUsers += 1
            } else if relevant(user, threshold).count > 0 {
                evaluated.append(user)
            }
        }
        var perUser = [(precision: Double, recall: Double, ndcg: Double, averagePrecision: Double)](
            repeating: (0, 0, 0, 0), count: evaluated.count)
        var shown = [Bool](repeating: false, count: evaluated.count * movies)
        let blocks = min(64, evaluated.count)
        let users = evaluated
        DisjointWrites.with(&perUser) { perUserOut in
            DisjointWrites.with(&shown) { shownOut in
                // Block b owns users b, b + blocks, ...: disjoint slots in both arrays.
                forEachTask(blocks, threads: threads) { block in
                    for slot in stride(from: block, to: users.count, by: blocks) {
                        let user = users[slot]
                        let ranked = self.rank(user, score)
                        perUserOut[slot] = RankingMetrics.user(
                            ranked: ranked, relevant: self.relevant(user, threshold), cutoff: cutoff)
                        for movie in ranked.prefix(cutoff) { shownOut[slot * movies + movie] = true }
                    }
                }
            }
        }
        var recommended = [Bool](repeating: false, count: movies)
        for slot in 0..<evaluated.count {
            for movie in 0..<movies where shown[slot * movies + movie] { recommended[movie] = true }
        }
        let count = Double(evaluated.count)
        func mean(_ value: (Double, Double, Double, Double) -> Double) -> Double {
            evaluated.isEmpty ? .nan : perUser.reduce(0.0) { $0 + value($1.0, $1.1, $1.2, $1.3) } / count
        }
        return RankingMetrics(
            cutoff: cutoff, users: evaluated.count, coldUsers: coldUsers,
            precision: mean { p, _, _, _ in p }, recall: mean { _, r, _, _ in r },
            ndcg: mean { _, _, n, _ in n }, map: mean { _, _, _, a in a },
            coverage: movies == 0 ? .nan : Double(recommended.count(where: { $0 })) / Double(movies))
    }

    /// Ranks by the predicted rating of a fitted model through shared prediction.
    public func evaluate<Model: RatingEstimator>(_ predictor: Predictor<Model>, threads: Int = allCores) -> RankingMetrics {
        evaluate(threads: threads) { user, candidates in
            var scores = [Double](repeating: 0, count: candidates.count)
            for index in 0..<candidates.count { scores[index] = predictor.predict(user: user, movie: candidates[index]).value }
            return scores
        }
    }

    /// The same for any fitted model, matching its kind once rather than per prediction.
    public func evaluate(_ predictor: Predictor<FittedModel>, threads: Int = allCores) -> RankingMetrics {
        predictor.withConcreteModel(Ranking(evaluation: self, threads: threads))
    }

    private struct Ranking: PredictorWork {
        let evaluation: RankingEvaluation
        let threads: Int

        func run<Model: RatingEstimator>(_ predictor: Predictor<Model>) -> RankingMetrics {
            evaluation.evaluate(predictor, threads: threads)
        }
    }

    /// The first `cutoff` movies the user did not rate in training, best first (ties by index,
    /// NaN last), kept by insertion into a short sorted buffer rather than a full sort.
    private func rank(_ user: Int, _ score: (Int, [Int]) -> [Double]) -> [Int] {
        let movies = train.movieCount
        var rated = [Bool](repeating: false, count: movies)
        let rowMovies = train.rowMovies
        for position in train.rowStart[user]..<train.rowStart[user + 1] { rated[Int(rowMovies[position])] = true }
        var candidates: [Int] = []
        candidates.reserveCapacity(movies)
        for movie in 0..<movies where !rated[movie] { candidates.append(movie) }
        let scores = score(user, candidates)
        precondition(scores.count == candidates.count, "one score per candidate")
        let cutoff = config.cutoff
        var top: [ScoredMovie] = []
        top.reserveCapacity(cutoff + 1)
        for index in 0..<candidates.count {
            let entry = ScoredMovie(movie: candidates[index], score: scores[index])
            if top.count == cutoff, let last = top.last, !ScoredMovie.ranksBefore(entry, last) { continue }
            var slot = top.count
            while slot > 0 && ScoredMovie.ranksBefore(entry, top[slot - 1]) { slot -= 1 }
            top.insert(entry, at: slot)
            if top.count > cutoff { top.removeLast() }
        }
        return top.map(\.movie)
    }

    private func relevant(_ user: Int, _ threshold: Float) -> Set<Int> {
        let (held, ratings) = test.row(user)
        var result = Set<Int>()
        for (movie, rating) in zip(held, ratings) where rating >= threshold && train.rating(user: user, movie: Int(movie)) == nil
        {
            result.insert(Int(movie))
        }
        return result
    }
}
