import Foundation
import RecEngine
import RecTestSupport
import Testing

@testable import RecSpark

/// Embedded ALS and Spark's ALS, same split and settings, agree within 1% RMSE. Needs Java and
/// pyspark (`make spark`); CI installs both. Runs Spark with SPARK_MASTER=local[1] to check the
/// master reaches the job.
@Suite(.enabled(if: TestPaths.sparkPresent && TestPaths.movieLens100KPresent, "needs pyspark in .venv and MovieLens 100K"))
struct SparkAgreementTests {
    @Test func embeddedAndSparkALSAgreeOnMovieLens() throws {
        let ratings = try RatingsReader.read(
            path: TestPaths.movieLens100K.appendingPathComponent("u.data").path, format: .movieLens100K
        ).table
        let split = RatingSplit.holdout(rows: ratings.count, testFraction: 0.2, seed: 42)
        let train = ratings.subset(split.train)
        let test = ratings.subset(split.test)
        let config = ALSConfig(rank: 10, iterations: 10, regularization: 0.1, seed: 42)
        let mean = train.ratings.reduce(0.0) { $0 + Double($1) } / Double(train.count)

        let embedded = Predictor(model: try ALS.fit(train, config: config), fallback: mean, scale: 1...5)
        let embeddedRMSE = ErrorMetrics(
            predicted: (0..<test.count).map { embedded.predict(user: Int(test.users[$0]), movie: Int(test.movies[$0])).value },
            actual: test.ratings.map(Double.init)
        ).rmse

        let work = try TestPaths.temporaryFolder().path
        let settings = try SparkSettings.resolve(
            master: nil, workFolder: work,
            environment: ProcessInfo.processInfo.environment.merging([
                "SPARK_MASTER": "local[1]", "SPARK_SUBMIT": TestPaths.sparkSubmit,
            ]) { $1 })
        let spark = try SparkALS.train(train, test: test, config: config, settings: settings)
        #expect(spark.master == "local[1]")
        let sparkPredictions = spark.predictions.map { $0.isNaN ? mean : min(5, max(1, $0)) }
        let sparkRMSE = ErrorMetrics(predicted: sparkPredictions, actual: test.ratings.map(Double.init)).rmse

        #expect(abs(embeddedRMSE - sparkRMSE) / sparkRMSE < 0.01, "embedded \(embeddedRMSE), Spark \(sparkRMSE)")
        #expect(sparkRMSE > 0.85 && sparkRMSE < 1.0, "Spark RMSE \(sparkRMSE)")
    }
}
