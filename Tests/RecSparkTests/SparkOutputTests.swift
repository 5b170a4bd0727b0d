import Foundation
import RecEngine
import RecTestSupport
import Testing

@testable import RecSpark

/// Spark's output is checked, not trusted. These tests fake the files an `als` request writes.
@Suite struct SparkOutputTests {
    let train = try! RatingsReader.parse(Data("a,x,4\na,y,3\nb,x,5\n".utf8), source: "t", format: .douban).table
    /// Test rows: (a, y) warm, (b, y) warm; user c would be cold but the split keeps ids shared.
    var test: RatingsTable { train.subset([1, 2]) }

    private func folder(predictions: String?, userFactors: String = "0,0.5\n1,1.0\n") throws -> String {
        let folder = try TestPaths.temporaryFolder().path
        if let predictions { try Data(predictions.utf8).write(to: URL(fileURLWithPath: folder + "/predictions.csv")) }
        try Data(userFactors.utf8).write(to: URL(fileURLWithPath: folder + "/user_factors.csv"))
        try Data("0,2.0\n1,4.0\n".utf8).write(to: URL(fileURLWithPath: folder + "/movie_factors.csv"))
        return folder
    }

    private func read(_ folder: String) throws(SparkError) -> SparkALSResult {
        try SparkJobFiles.read(
            folder: folder, train: train, test: test, rank: 1, timings: .init(startup: 5, fit: 2, predict: 1, total: 9),
            master: "local[1]", sparkVersion: "4.0")
    }

    @Test func goodOutputIsReadBack() throws {
        let result = try read(try folder(predictions: "0,2.0\n1,4.5\n"))
        #expect(result.predictions == [2.0, 4.5])
        #expect(result.master == "local[1]")
        #expect(result.timings.startup == 5 && result.timings.total == 9)
        #expect(try result.model.estimate(user: 1, movie: 1) == 4)
    }

    @Test func truncatedOutputIsAnError() throws {
        #expect(
            throws: SparkError.invalidOutput(
                file: "predictions.csv", reason: "1 predictions for 2 test ratings (truncated or wrong)")
        ) {
            try read(try folder(predictions: "0,2.0\n"))
        }
        #expect(throws: SparkError.invalidOutput(file: "predictions.csv", reason: "missing")) {
            try read(try folder(predictions: nil))
        }
    }

    @Test func nanForAKnownPairIsAnError() throws {
        #expect(
            throws: SparkError.invalidOutput(
                file: "predictions.csv", reason: "line 2: prediction nan for user 1 and movie 0, which both have training ratings"
            )
        ) {
            try read(try folder(predictions: "0,2.0\n1,nan\n"))
        }
    }

    @Test func garbageFactorsAreAnError() throws {
        #expect(
            throws: SparkError.invalidOutput(file: "user_factors.csv", reason: "line 2: factor 1 is `inf`, not a finite number")
        ) {
            try read(try folder(predictions: "0,2.0\n1,4.5\n", userFactors: "0,0.5\n1,inf\n"))
        }
        #expect(throws: SparkError.invalidOutput(file: "predictions.csv", reason: "line 1 is not `0,PREDICTION`: hello")) {
            try read(try folder(predictions: "hello\n1,4.5\n"))
        }
    }

    @Test func settingsComeFromTheEnvironmentAndSayWhatIsMissing() throws {
        let bin = try TestPaths.temporaryFolder().path
        for tool in ["java", "spark-submit", "python3"] {
            FileManager.default.createFile(
                atPath: bin + "/" + tool, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        }
        let settings = try SparkSettings.resolve(
            master: nil, environment: ["PATH": bin, "SPARK_MASTER": "local[1]"], projectFolder: bin)
        #expect(settings.master == "local[1]" && settings.python == bin + "/python3")
        #expect(settings.environment["PYSPARK_SUBMIT_ARGS"]?.hasPrefix("--master 'local[1]' --driver-memory 4g") == true)
        #expect(settings.environment["SPARK_LOCAL_IP"] == "127.0.0.1")
        let flag = try SparkSettings.resolve(
            master: "spark://h:7077", environment: ["PATH": bin, "SPARK_MASTER": "local[1]"], projectFolder: bin)
        #expect(flag.master == "spark://h:7077")
        #expect(flag.environment["SPARK_LOCAL_IP"] == nil, "a remote cluster must reach the driver")
        #expect(try SparkSettings.resolve(master: nil, environment: ["PATH": bin], projectFolder: bin).master == "local[2]")
        #expect(throws: SparkError.missingJava) {
            try SparkSettings.resolve(master: nil, environment: ["PATH": "/nonexistent"])
        }
        // Java there, pyspark in neither .venv nor PATH: the resolver says where it looked.
        try FileManager.default.removeItem(atPath: bin + "/spark-submit")
        let missing = #expect(throws: SparkError.self) {
            try SparkSettings.resolve(master: nil, environment: ["PATH": bin], projectFolder: bin)
        }
        #expect(missing == .missingPySpark(looked: [".venv/bin", "PATH"]))
        #expect(
            missing?.description
                == "pyspark was not found (looked in .venv/bin, PATH): run `make spark` to install it into .venv, or set PYSPARK_DRIVER_PYTHON to a Python that has pyspark."
        )
        let chosen = try SparkSettings.resolve(
            master: nil, environment: ["PATH": bin, "PYSPARK_DRIVER_PYTHON": "python3"], projectFolder: bin)
        #expect(chosen.python == bin + "/python3", "Spark's own variable names the driver's Python, found on PATH")
        #expect(throws: SparkError.missingPySpark(looked: ["PYSPARK_DRIVER_PYTHON=/nowhere/python"])) {
            try SparkSettings.resolve(
                master: nil, environment: ["PATH": bin, "PYSPARK_DRIVER_PYTHON": "/nowhere/python"], projectFolder: bin)
        }
    }
}
