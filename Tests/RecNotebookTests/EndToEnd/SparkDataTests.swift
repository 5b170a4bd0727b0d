import Foundation
import RecTestSupport
import Testing

/// Ratings that stay in Spark (`load ratings=URI engine=spark`), through the built binary and
/// real Spark: Parquet written by `synth --format parquet` and a MovieLens CSV are read by Spark,
/// and every figure it returns is the figure recbook's own engine computes from the same file:
/// counts, skipped malformed rows, the histogram, the row-hash split, and an ALS RMSE within 1%.
/// Verbs that need the rows say so. Needs Java and pyspark (`make spark`).
@Suite(.serialized, .requires(.spark))
struct SparkDataTests {
    static let notebook = """
        # Ratings in Spark

        ```rec
        load ratings=user_movies.parquet engine=spark
        stats ratings
        rank movies by=count n=100
        split test=0.2
        train als model=als rank=4 iterations=5 reg=0.1
        evaluate als ranking=5
        recommend als id=film15gl07f6 n=30
        compare
        ```

        ```rec
        load ratings=latest.csv format=movielens-latest engine=spark skip-malformed=true
        histogram ratings
        ```

        ```rec
        load ratings=user_movies.csv
        stats ratings
        rank movies by=count n=100
        split test=0.2 rule=hash
        train als model=als rank=4 iterations=5 reg=0.1
        evaluate als ranking=5
        recommend als id=film15gl07f6 n=30
        ```

        ```rec
        load ratings=latest.csv format=movielens-latest skip-malformed=true
        histogram ratings
        ```

        ```rec
        load ratings=user_movies.csv engine=spark
        head ratings
        ```

        """

    /// A MovieLens-latest file with a header, half-star ratings, a rating that is not a
    /// number and 43 ratings of 5.5: 44 malformed rows.
    static var latestCSV: String {
        var lines = ["userId,movieId,rating,timestamp", "1,10,0.5,964982703", "1,11,oops,964982703"]
        for user in 2...121 {
            for movie in 10...14 {
                lines.append("\(user),\(movie),\(Double((user * movie) % 11) / 2 + 0.5),964982703")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func sparkComputesWhatTheEmbeddedEngineComputesFromTheSameFiles() throws {
        let folder = try TestPaths.temporaryFolder()
        let environment = [
            "SPARK_MASTER": "local[2]",
            "PYSPARK_DRIVER_PYTHON": TestPaths.repository.appendingPathComponent(".venv/bin/python3").path,
        ]
        let synth = try CommandRun.recbook(
            ["synth", "--preset", "small", "--format", "parquet", "--out", "data"], in: folder, environment: environment)
        #expect(synth.status == 0, "\(synth.errors)")
        let data = folder.appendingPathComponent("data")
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("user_movies.parquet/_SUCCESS").path))
        try Data(Self.latestCSV.utf8).write(to: data.appendingPathComponent("latest.csv"))
        try Data(Self.notebook.utf8).write(to: folder.appendingPathComponent("spark-data.md"))

        let render = try CommandRun.recbook(
            ["render", "spark-data.md", "--data", "data", "--out", "out", "--no-cache"], in: folder,
            environment: environment)
        #expect(render.status == 1, "only the last cell fails: \(render.output)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/spark-data.json")))
        let cells = try #require((json as? [String: Any])?["cells"] as? [[String: Any]])
        try #require(cells.count == 5)
        #expect(cells.prefix(4).allSatisfy { $0["status"] as? String == "ok" })

        func metrics(_ cell: Int, _ title: String) -> [String: Double] {
            let results = (cells[cell]["results"] as? [[String: Any]]) ?? []
            let list = results.first { ($0["title"] as? String)?.hasPrefix(title) == true }
            return ((list?["metrics"] as? [String: Any]) ?? [:]).compactMapValues { ($0 as? NSNumber)?.doubleValue }
        }
        func chart(_ cell: Int) -> [String] {
            let results = (cells[cell]["results"] as? [[String: Any]]) ?? []
            let bars = results.first { $0["kind"] as? String == "bar-chart" }
            let values = ((bars?["series"] as? [[String: Any]])?.first?["values"] as? [NSNumber]) ?? []
            return zip((bars?["labels"] as? [String]) ?? [], values).map { "\($0)=\($1)" }
        }
        /// A table's rows, every value as text.
        func table(_ cell: Int, _ title: String) -> [[String]] {
            let results = (cells[cell]["results"] as? [[String: Any]]) ?? []
            let found = results.first { ($0["title"] as? String)?.hasPrefix(title) == true }
            return ((found?["rows"] as? [[Any]]) ?? []).map { $0.map { "\($0)" } }
        }
        func note(_ cell: Int) -> String? {
            ((cells[cell]["results"] as? [[String: Any]]) ?? []).first { $0["kind"] as? String == "note" }?["text"] as? String
        }

        // Parquet read by Spark, CSV read by recbook: the same ratings.
        #expect(metrics(0, "Loaded in Spark") == metrics(2, "Loaded"))
        #expect(metrics(0, "Loaded in Spark")["ratings"] == 9000)
        #expect(metrics(0, "Ratings") == metrics(2, "Ratings"))
        // The row-hash split puts the same rows on each side in both engines.
        #expect(metrics(0, "Split") == metrics(2, "Split"))
        #expect(metrics(0, "Split")["test ratings"].map { abs($0 / 9000 - 0.2) < 0.02 } == true)
        let sparkRMSE = try #require(metrics(0, "`als`")["RMSE"])
        let embeddedRMSE = try #require(metrics(2, "`als`")["RMSE"])
        #expect(abs(sparkRMSE - embeddedRMSE) / embeddedRMSE < 0.01, "Spark \(sparkRMSE), recbook \(embeddedRMSE)")
        #expect(
            metrics(0, "`als`")["test ratings predicted by the fallback (training mean)"]
                == metrics(2, "`als`")["test ratings predicted by the fallback (training mean)"])

        // Ranking metrics by the same rules: the same users are ranked (users with a training
        // rating and a relevant held-out movie, a function of the split alone), and two ALS fits
        // that agree on RMSE rank alike.
        let sparkRanking = metrics(0, "`als`")
        let embeddedRanking = metrics(2, "`als`")
        for name in ["precision@5", "recall@5", "NDCG@5", "MAP@5", "coverage"] {
            let spark = try #require(sparkRanking[name], "\(name) in \(sparkRanking)")
            let embedded = try #require(embeddedRanking[name])
            #expect(spark > 0 && spark <= 1)
            #expect(abs(spark - embedded) <= 0.15 * embedded, "\(name): Spark \(spark), recbook \(embedded)")
        }

        // Every movie's mean and count, whichever engine counted (rows as movie id, mean, count).
        let sparkMovies = table(0, "Top").map { [$0[1], $0[2], $0[3]] }
        let embeddedMovies = table(2, "Top").map { [$0[2], $0[3], $0[4]] }
        #expect(sparkMovies.count == 39)
        #expect(Set(sparkMovies) == Set(embeddedMovies))
        // Recommendations: every movie the user (17 ratings) has not rated; the same 17 ratings.
        let recommended = table(0, "`als` recommends").map { $0[1] }
        let rated = table(0, "What user id film15gl07f6 rated highest").map { [$0[1], $0[2]] }
        #expect(rated.count == 17)
        #expect(recommended.count == 39 - 17)
        #expect(Set(recommended).isDisjoint(with: Set(rated.map { $0[0] })))
        #expect(Set(rated) == Set(table(2, "What ").map { [$0[1], $0[3]] }))

        // MovieLens with a header and malformed rows: the same rows skipped, the same histogram
        // (0.5 shown as 0.5).
        #expect(note(1)?.hasPrefix("Skipped 44 malformed ratings rows") == true, "\(note(1) ?? "no note")")
        #expect(note(3)?.hasPrefix("Skipped 44 malformed ratings rows") == true, "\(note(3) ?? "no note")")
        #expect(chart(1) == chart(3))
        #expect(chart(1).first == "0.5=165")

        // A verb that needs the rows says so, and how to get them.
        let error = (cells[4]["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(error.contains("`head` needs the ratings in recbook's own engine"), "\(error)")
        #expect(error.contains("without engine=spark"))
    }
}
