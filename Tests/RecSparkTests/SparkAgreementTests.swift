import Foundation
import RecEngine
import RecTestSupport
import Testing

@testable import RecSpark

/// Embedded ALS and Spark's ALS, same split and settings, agree within 1% RMSE, on MovieLens
/// 100K and on the synthetic `douban` preset (a million ratings). Needs Java and pyspark
/// (`make spark`); CI installs both. The MovieLens run uses SPARK_MASTER=local[1] to check the
/// master reaches the job.
@Suite(.requires(.spark))
struct SparkAgreementTests {
    @Test(.requires(.movieLens100K))
    func embeddedAndSparkALSAgreeOnMovieLens() throws {
        let ratings = try RatingsReader.read(
            path: TestPaths.movieLens100K.appendingPathComponent("u.data").path, format: .movieLens100K
        ).table
        let run = try Self.bothEngines(ratings, master: "local[1]")
        #expect(run.sparkMaster == "local[1]")
        #expect(abs(run.embedded - run.spark) / run.spark < 0.01, "embedded \(run.embedded), Spark \(run.spark)")
        #expect(run.spark > 0.85 && run.spark < 1.0, "Spark RMSE \(run.spark)")
    }

    @Test func embeddedAndSparkALSAgreeOnTheDoubanPreset() throws {
        let path = try TestPaths.temporaryFolder().appendingPathComponent("user_movies.csv")
        try SyntheticDouban.generate(.douban).ratingsCSV.write(to: path)
        // As the notebooks prepare it: the preset's -1 ("no score") read as 1.
        let ratings = try RatingsReader.read(path: path.path, format: .douban).table.replacingRatings(-1, with: 1).table
        let run = try Self.bothEngines(ratings, master: "local[2]")
        #expect(abs(run.embedded - run.spark) / run.spark < 0.01, "embedded \(run.embedded), Spark \(run.spark)")
    }

    /// Test RMSE of both engines on a seeded 80/20 split with Spark's demo settings (rank 10,
    /// 10 iterations, regParam 0.1); pairs without factors fall back to the training mean.
    private static func bothEngines(
        _ ratings: RatingsTable, master: String
    ) throws -> (embedded: Double, spark: Double, sparkMaster: String) {
        let split = RatingSplit.holdout(rows: ratings.count, testFraction: 0.2, seed: 42)
        let train = ratings.subset(split.train)
        let test = ratings.subset(split.test)
        let config = ALSConfig(rank: 10, iterations: 10, regularization: 0.1, seed: 42)
        let mean = train.ratings.reduce(0.0) { $0 + Double($1) } / Double(train.count)
        let actual = test.ratings.map(Double.init)

        let embedded = Predictor(model: try ALS.fit(train, config: config), fallback: mean, scale: 1...5)
        let embeddedRMSE = ErrorMetrics(
            predicted: (0..<test.count).map { embedded.predict(user: Int(test.users[$0]), movie: Int(test.movies[$0])).value },
            actual: actual
        ).rmse

        let folder = try TestPaths.temporaryFolder().path
        let driver = try SparkDriver.start(
            try SparkSettings.resolve(master: master, projectFolder: TestPaths.repository.path), in: folder)
        defer { driver.stop() }
        try SparkALS.writeSplit(train: train, test: test, folder: folder + "/split")
        let spark = try SparkALS.train(
            train, test: test, config: config, driver: driver, splitFolder: folder + "/split", workFolder: folder + "/als",
            startedSession: true)
        let sparkRMSE = ErrorMetrics(predicted: spark.predictions.map { $0.isNaN ? mean : min(5, max(1, $0)) }, actual: actual)
            .rmse
        return (embeddedRMSE, sparkRMSE, spark.master)
    }
}
