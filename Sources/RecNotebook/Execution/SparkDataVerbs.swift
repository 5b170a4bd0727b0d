import Foundation
import RecEngine
import RecSpark

/// The verbs' paths for ratings that stay in Spark (`SparkData`): each sends one request to the
/// notebook's Spark session and shows what comes back, in the same tables the embedded engine
/// shows, so a notebook reads alike on both.
enum SparkDataVerbs {
    /// `load ratings=URI engine=spark`: Spark reads the ratings; recbook keeps their counts.
    static func load(
        _ uri: String, parquet: Bool, layout: RatingsFormat, _ invocation: Invocation, _ session: Session
    ) throws(NotebookError) -> [CellResult] {
        guard invocation.string("movies") == nil else {
            throw invocation.fail(
                "movies= is not read with engine=spark (the movie list is small: load it in a notebook without "
                    + "engine=spark); drop it here")
        }
        let (loaded, startup, seconds) = try request(invocation, session) { driver throws(SparkError) in
            try SparkRatings.load(SparkRatings.Source(uri: uri, parquet: parquet, layout: layout), driver: driver)
        }
        session.dataset = nil
        session.split = nil
        session.scores = []
        session.sparkData = SparkData(uri: uri, line: invocation.location.line)
        // Spark read them, so recbook has no digest of their bytes: the provenance names them
        // under Spark instead (`SparkProvenance`).
        session.sources = []
        session.spark.read.append(uri)
        session.banner =
            "Ratings in Spark: \(uri), read by Spark on \(sparkMaster(session)); recbook holds only the results shown."
            + (syntheticMarker(uri).map { " They are synthetic, made by `recbook synth` (seed \($0.seed))." } ?? "")
        var results: [CellResult] = [
            .metrics(
                MetricList(
                    title: "Loaded in Spark",
                    metrics: [
                        .count("ratings", loaded.summary.rows), .count("users", loaded.summary.users),
                        .count("rated movies", loaded.summary.movies),
                    ])),
            timings(session, startup, [("read, check and count the ratings", seconds)]),
        ]
        if loaded.skipped > 0 {
            results.append(
                .note(
                    "Skipped \(loaded.skipped) malformed ratings row\(loaded.skipped == 1 ? "" : "s") (skip-malformed=true), "
                        + "for example: \(loaded.examples.joined(separator: "; "))"))
        }
        return results
    }

    static func stats(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        guard try invocation.subject(from: ["ratings", "movies"]) == "ratings" else {
            throw invocation.fail(refusal(session, "stats movies"))
        }
        let (summary, _, _) = try request(invocation, session) { driver throws(SparkError) in
            try SparkRatings.summary(driver: driver)
        }
        return [
            .metrics(
                MetricList(
                    title: "Ratings",
                    metrics: [
                        .count("distinct movies", summary.movies), .count("distinct users", summary.users),
                        .count("ratings", summary.rows),
                        Metric("max rating", DisplayNumber.decimal(Float(summary.maximum ?? .nan)), precision: 0),
                        Metric("min rating", DisplayNumber.decimal(Float(summary.minimum ?? .nan)), precision: 0),
                        Metric("mean rating", summary.mean ?? .nan, precision: 6),
                    ]))
        ]
    }

    static func histogram(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        _ = try invocation.subject(from: ["ratings"])
        let (histogram, _, _) = try request(invocation, session) { driver throws(SparkError) in
            try SparkRatings.histogram(driver: driver)
        }
        return [
            .barChart(
                BarChart(
                    title: "Ratings per rating value",
                    labels: histogram.map { DisplayNumber.shortest(DisplayNumber.decimal(Float($0.rating))) },
                    values: histogram.map { Double($0.count) }, precision: 0))
        ]
    }

    /// `split test=F`: always the row-hash rule, which needs no row to leave Spark.
    static func split(_ invocation: Invocation, _ session: Session, seed: UInt64) throws(NotebookError) -> [CellResult] {
        guard invocation.string("folds") == nil else {
            throw invocation.fail("on ratings in Spark, `split` makes a holdout split (test=F); k folds are not supported")
        }
        guard (invocation.string("rule") ?? "hash") == "hash" else {
            throw invocation.fail(
                "on ratings in Spark, `split` uses rule=hash (each row's side follows from its own ids, so no row list "
                    + "is shipped); drop rule= or write rule=hash")
        }
        let fraction = try invocation.double("test") ?? 0.2
        guard fraction > 0 && fraction < 1 else {
            throw invocation.fail("test must be between 0 and 1 (exclusive), not \(fraction)")
        }
        let (counts, startup, seconds) = try request(invocation, session) { driver throws(SparkError) in
            try SparkRatings.split(testFraction: fraction, seed: seed, driver: driver)
        }
        guard counts.train > 0 && counts.test > 0 else {
            throw invocation.fail("test=\(fraction) leaves an empty train or test set for \(counts.train + counts.test) ratings")
        }
        session.sparkData?.split = counts
        session.sparkData?.models = [:]
        session.scores = []
        return [
            SplitVerb.summary(kind: "holdout", folds: 1, train: counts.train, test: counts.test, coldUsers: counts.coldUsers),
            timings(session, startup, [("split and cache the rows", seconds)]),
        ]
    }

    /// `train NAME model=als` on the Spark split: fitted and scored in Spark.
    static func train(
        _ name: String, _ config: ModelConfig, _ invocation: Invocation, _ session: Session
    ) throws(NotebookError) -> [CellResult] {
        guard case .als(let als) = config else {
            throw invocation.fail(
                "on ratings in Spark, `train` fits model=als (Spark's own); \(config.family) needs the ratings in recbook's "
                    + "engine")
        }
        guard (try invocation.choice("engine", from: ["swift", "spark"], default: "spark")) == "spark",
            (try invocation.choice("on", from: ["train", "all"], default: "train")) == "train"
        else {
            throw invocation.fail("on ratings in Spark, `train` runs on Spark (engine=spark) on the split's training rows")
        }
        guard let split = session.sparkData?.split else {
            throw invocation.fail("no train/test split of the Spark ratings yet; add `split test=0.2` first")
        }
        let (scores, startup, seconds) = try request(invocation, session) { driver throws(SparkError) in
            try SparkRatings.trainALS(als, name: name, driver: driver)
        }
        session.sparkData?.models[name] = SparkData.Model(config: als, scores: scores)
        let givenSeed = try ModelOptions.seeds(invocation).first
        return [
            .metrics(
                MetricList(
                    title: "Trained `\(name)` on Spark: als, \(config.summary(givenSeed: givenSeed))",
                    metrics: [.count("training ratings", split.train)])),
            timings(
                session, startup,
                [
                    ("fit", scores.fitSeconds), ("score the test rows", scores.predictSeconds),
                    ("the whole request, seen from recbook", seconds),
                ]),
        ]
    }

    /// `evaluate NAME` for a model fitted in Spark: its errors on the Spark split's test rows.
    static func evaluate(
        _ name: String, _ rankingConfig: RankingEvaluation.Config?, _ invocation: Invocation, _ session: Session
    ) throws(NotebookError) -> [CellResult] {
        guard let model = session.sparkData?.models[name] else {
            throw invocation.fail("no model `\(name)` was trained on the ratings in Spark since their last split")
        }
        for key in ["fallback", "clip"] where invocation.string(key) != nil {
            throw invocation.fail(
                "on ratings in Spark, `evaluate` scores with recbook's standard rule (training mean, clipped); \(key)= "
                    + "needs the ratings in recbook's engine")
        }
        let scores = model.scores
        var metrics = [
            Metric("MSE", scores.mse, precision: 4), Metric("RMSE", scores.rmse, precision: 4),
            Metric("MAE", scores.mae, precision: 4),
        ]
        if let config = rankingConfig {
            let (ranking, _, _) = try request(invocation, session) { driver throws(SparkError) in
                try SparkRatings.ranking(model: name, config: config, driver: driver)
            }
            metrics += RankingColumns.metrics(ranking)
        }
        session.record(
            ModelScore(
                model: name, settings: "als on Spark: \(ModelConfig.als(model.config).summary(givenSeed: nil))",
                metrics: metrics, trainSeconds: scores.fitSeconds))
        return [
            .metrics(
                MetricList(
                    title: "`\(name)` on \(DisplayNumber.count(scores.rows)) test ratings (computed in Spark)",
                    metrics: metrics + [.count("test ratings predicted by the fallback (training mean)", scores.fallbacks)]))
        ]
    }

    /// `rank movies [by=mean-rating|count] [n=30] [min-count=1]`, counted in Spark. Ties go by
    /// movie id (Spark has no first-appearance order), and there are no titles (no movies file).
    static func rank(
        byCount: Bool, limit: Int, minimumCount: Int, _ invocation: Invocation, _ session: Session
    ) throws(NotebookError) -> [CellResult] {
        let ((top, total), _, _) = try request(invocation, session) { driver throws(SparkError) in
            try SparkRatings.rank(byCount: byCount, limit: limit, minimumCount: minimumCount, driver: driver)
        }
        return [
            .table(
                ResultTable(
                    title: "Top \(top.count) movies by \(byCount ? "number of ratings" : "mean user rating") (computed in Spark)",
                    columns: [
                        .integer("rank"), .text("movieId"), .decimal("mean rating", precision: 6), .integer("ratings"),
                    ],
                    rows: top.enumerated().map { rank, entry in
                        [.integer(rank + 1), .text(entry.movie), .number(entry.mean), .integer(entry.count)]
                    },
                    omittedRows: total - top.count))
        ]
    }

    /// `recommend NAME id=USERID [n=30]` for a model fitted in Spark.
    static func recommend(_ name: String, _ invocation: Invocation, _ session: Session) throws(NotebookError)
        -> [CellResult]
    {
        guard session.sparkData?.models[name] != nil else {
            throw invocation.fail("no model `\(name)` was trained on the ratings in Spark since their last split")
        }
        guard invocation.string("user") == nil, let user = invocation.string("id") else {
            throw invocation.fail(
                "on ratings in Spark, name the user by the ratings file's id (id=USERID); user= counts users in the "
                    + "order recbook read them, which Spark does not keep")
        }
        let limit = try invocation.int("n", default: 30, range: 1...10_000)
        let (found, _, _) = try request(invocation, session) { driver throws(SparkError) in
            try SparkRatings.recommend(model: name, user: user, limit: limit, driver: driver)
        }
        return [
            .table(
                ResultTable(
                    title: "`\(name)` recommends for user id \(user): the \(found.recommended.count) best of "
                        + "\(DisplayNumber.count(found.unrated)) unrated movies (computed in Spark)",
                    columns: [.integer("rank"), .text("movie id"), .decimal("predicted", precision: 3)],
                    rows: found.recommended.enumerated().map { rank, entry in
                        [.integer(rank + 1), .text(entry.movie), .decimal(entry.prediction)]
                    })),
            .table(
                ResultTable(
                    title: "What user id \(user) rated highest (\(found.rated.count) of "
                        + "\(DisplayNumber.count(found.ratedCount)) ratings)",
                    columns: [.integer("#"), .text("movie id"), .decimal("rating", precision: 0)],
                    rows: found.rated.enumerated().map { position, entry in
                        [.integer(position + 1), .text(entry.movie), .decimal(DisplayNumber.decimal(Float(entry.rating)))]
                    })),
        ]
    }

    /// `recbook synth`'s marker beside a local file or folder Spark reads (a URI with another
    /// scheme is not looked into).
    private static func syntheticMarker(_ uri: String) -> SynthConfig? {
        guard !uri.contains("://") || uri.hasPrefix("file://") else { return nil }
        let path = uri.hasPrefix("file://") ? String(uri.dropFirst("file://".count)) : uri
        return SyntheticDataWriter.config(in: (path as NSString).deletingLastPathComponent)
    }

    static func refusal(_ session: Session, _ verb: String) -> String {
        session.sparkData?.refusal(verb) ?? "`\(verb)` needs loaded ratings"
    }

    /// Runs one request on the notebook's Spark session: its result, the session's start-up when
    /// this request started it, and the request's wall time.
    private static func request<Result>(
        _ invocation: Invocation, _ session: Session, _ body: (SparkDriver) throws(SparkError) -> Result
    ) throws(NotebookError) -> (Result, startup: Double?, seconds: Double) {
        do throws(SparkError) {
            let (driver, started) = try session.spark.driver(master: session.context.sparkMaster)
            let began = ContinuousClock.now
            let result = try body(driver)
            return (result, started ? driver.startupSeconds : nil, (ContinuousClock.now - began).seconds)
        } catch {
            throw invocation.fail(error.description)
        }
    }

    /// The master the session's driver reports (called after a request, so one has started).
    private static func sparkMaster(_ session: Session) -> String {
        session.spark.started?.master ?? "not started"
    }

    /// Spark's timings, kept out of what `check` compares; the session's start-up in the cell
    /// that started it.
    private static func timings(_ session: Session, _ startup: Double?, _ steps: [(String, Double)]) -> CellResult {
        .table(
            ResultTable(
                title: "Where Spark's time went (master \(sparkMaster(session)))",
                columns: [.text("step"), .seconds("seconds")],
                rows: SparkTraining.startupRow(startup) + steps.map { [.text($0.0), .decimal($0.1)] }))
    }
}
