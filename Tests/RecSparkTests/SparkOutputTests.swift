import Foundation
import RecEngine
import RecTestSupport
import Testing

@testable import RecSpark

/// The job's output is checked, not trusted. These tests fake the job's files.
@Suite struct SparkOutputTests {
    let train = try! RatingsReader.parse(Data("a,x,4\na,y,3\nb,x,5\n".utf8), source: "t", format: .douban).table
    /// Test rows: (a, y) warm, (b, y) warm; user c would be cold but the split keeps ids shared.
    var test: RatingsTable { train.subset([1, 2]) }

    private func folder(predictions: String?, done: Bool = true, userFactors: String = "0,0.5\n1,1.0\n") throws -> String {
        let folder = try TestPaths.temporaryFolder().path
        if let predictions { try Data(predictions.utf8).write(to: URL(fileURLWithPath: folder + "/predictions.csv")) }
        try Data(userFactors.utf8).write(to: URL(fileURLWithPath: folder + "/user_factors.csv"))
        try Data("0,2.0\n1,4.0\n".utf8).write(to: URL(fileURLWithPath: folder + "/movie_factors.csv"))
        if done {
            let summary =
                #"{"master": "local[1]", "spark_version": "4.0", "startup_seconds": 5.0, "fit_seconds": 2.0, "predict_seconds": 1.0, "rank": 1}"#
            try Data(summary.utf8).write(to: URL(fileURLWithPath: folder + "/done.json"))
        }
        return folder
    }

    private func read(_ folder: String) throws(SparkError) -> SparkALSResult {
        try SparkJobFiles.read(folder: folder, train: train, test: test, rank: 1, total: 9)
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
        #expect(
            throws: SparkError.invalidOutput(
                file: "done.json", reason: "missing: the job stopped before it finished (truncated output)")
        ) {
            try read(try folder(predictions: "0,2.0\n1,4.5\n", done: false))
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
        let fakeJava = bin + "/java"
        let fakeSubmit = bin + "/spark-submit"
        for tool in [fakeJava, fakeSubmit] {
            FileManager.default.createFile(
                atPath: tool, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        }
        let settings = try SparkSettings.resolve(
            master: nil, workFolder: "/tmp/w", environment: ["PATH": bin, "SPARK_MASTER": "local[1]"], projectFolder: bin)
        #expect(settings.master == "local[1]" && settings.submit == fakeSubmit)
        let flag = try SparkSettings.resolve(
            master: "spark://h:7077", workFolder: "/tmp/w", environment: ["PATH": bin, "SPARK_MASTER": "local[1]"])
        #expect(flag.master == "spark://h:7077")
        #expect(try SparkSettings.resolve(master: nil, workFolder: "/tmp/w", environment: ["PATH": bin]).master == "local[2]")
        #expect(throws: SparkError.missingJava) {
            try SparkSettings.resolve(master: nil, workFolder: "/tmp/w", environment: ["PATH": "/nonexistent"])
        }
        // Java there, spark-submit in neither .venv nor PATH: the resolver says where it looked.
        try FileManager.default.removeItem(atPath: fakeSubmit)
        let missing = #expect(throws: SparkError.self) {
            try SparkSettings.resolve(master: nil, workFolder: "/tmp/w", environment: ["PATH": bin], projectFolder: bin)
        }
        #expect(missing == .missingPySpark(looked: [".venv/bin/spark-submit", "PATH"]))
        #expect(
            missing?.description
                == "spark-submit was not found (looked in .venv/bin/spark-submit, PATH): run `make spark` to install pyspark into .venv, or set SPARK_SUBMIT to a spark-submit executable."
        )
        #expect(throws: SparkError.missingPySpark(looked: ["SPARK_SUBMIT=\(fakeSubmit)"])) {
            try SparkSettings.resolve(
                master: nil, workFolder: "/tmp/w", environment: ["PATH": bin, "SPARK_SUBMIT": fakeSubmit], projectFolder: bin)
        }
    }
}
