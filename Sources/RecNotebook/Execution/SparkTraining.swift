import Foundation
import RecEngine
import RecSpark

/// `train NAME model=als engine=spark`: the same ALS on Apache Spark, through the notebook's Spark
/// session (`SparkBackend`). The model that comes back is an ordinary ALS model, so `evaluate`,
/// `recommend` and `compare` treat both engines alike. Spark's own timings are shown, the
/// session's start-up in the cell that paid it.
enum SparkTraining {
    static func train(
        _ name: String, _ config: ModelConfig, _ on: String, _ invocation: Invocation, _ session: Session
    ) throws(NotebookError) -> [CellResult] {
        guard case .als(let als) = config else {
            throw invocation.fail("engine=spark trains model=als only; the other models train in recbook's own engine")
        }
        guard on == "train" else { throw invocation.fail("engine=spark trains on the split's training rows; drop on=all") }
        let split = try session.requireSplit(invocation)
        // A Spark run costs a minute of fitting (and the session's start-up); an unchanged cell
        // reuses it (the key names the master, so pointing at another cluster runs the job again).
        let master = session.context.sparkMaster ?? ProcessInfo.processInfo.environment["SPARK_MASTER"] ?? ""
        let (result, parametersKey) = try session.cachedEntry(
            "spark \(name)", invocation, key: "\(als) master=\(master)", encode: { $0.cacheBytes() },
            decode: SparkALSResult.fromCache
        ) { () throws(NotebookError) -> SparkALSResult in
            do throws(SparkError) {
                let (driver, started) = try session.spark.driver(master: session.context.sparkMaster)
                return try SparkALS.train(
                    split.train, test: split.test, config: als, driver: driver,
                    splitFolder: try session.spark.splitFolder(train: split.train, test: split.test),
                    workFolder: session.spark.workFolder(for: name), startedSession: started)
            } catch {
                throw invocation.fail(error.description)
            }
        }
        let predictor = HeldOutEvaluation.predictor(FittedModel.als(result.model), train: split.train)
        let givenSeed = try ModelOptions.seeds(invocation).first
        let replaced = session.store(
            TrainedModel(
                name: name, config: config, predictor: predictor, trainSeconds: result.timings.fit,
                trainedOn:
                    "the \(split.kind) split's training rows (\(DisplayNumber.count(split.train.count)) ratings), on Spark \(result.master)",
                parametersKey: parametersKey, givenSeed: givenSeed), invocation)
        return [
            .metrics(
                MetricList(
                    title: "Trained `\(name)` on Spark: als, \(config.summary(givenSeed: givenSeed))",
                    metrics: [
                        .count("training ratings", split.train.count),
                        .count("test predictions checked", result.predictions.count),
                    ])),
            .table(
                ResultTable(
                    title: "Where Spark's time went (master \(result.master), Spark \(result.sparkVersion))",
                    columns: [.text("step"), .seconds("seconds")],
                    rows: startupRow(result.timings.startup) + [
                        [.text("fit"), .decimal(result.timings.fit)],
                        [.text("predict the test rows"), .decimal(result.timings.predict)],
                        [.text("the whole request, seen from recbook"), .decimal(result.timings.total)],
                    ])),
        ] + [replaced].compactMap { $0 }
    }

    /// The session's start-up, in the cell that paid it. (Which cell that was is not said: a
    /// cell replayed from the cache must read the same as one computed.)
    static func startupRow(_ startup: Double?) -> [[TableValue]] {
        guard let startup else { return [[.text("start the Spark session: already running"), .missing]] }
        return [[.text("start the Spark session (JVM and driver), once per notebook"), .decimal(startup)]]
    }
}
