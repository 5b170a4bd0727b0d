import ArgumentParser
import Foundation
import RecEngine
import RecNotebook
import RecSpark

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generates Douban-shaped user_movies.csv and hot_movies.csv from a seed.",
        discussion: "The `douban` preset has the article's scale: 223,239 users, 166 listed movies (165 rated), "
            + "1,007,397 ratings. --ratings keeps the preset's shape at another size (users grow with it).")

    @Option(help: "Preset: \(SynthConfig.presetNames.joined(separator: ", ")).")
    var preset = "douban"

    @Option(help: "Seed; a notebook's synthetic data is this command's output for the notebook's master seed.")
    var seed: UInt64 = 42

    @Option(help: "Number of ratings, keeping the douban preset's shape (e.g. 50000000).")
    var ratings: Int?

    @Option(help: "Folder for user_movies.csv and hot_movies.csv.")
    var out = "data/synthetic"

    @Option(
        help: """
            csv, or parquet: the ratings also as user_movies.parquet (columns user, movie, rating), converted by \
            Spark from the CSV, for `load ratings=user_movies.parquet engine=spark`.
            """)
    var format = "csv"

    @OptionGroup var spark: SparkMasterSettings

    func validate() throws {
        guard SynthConfig.preset(named: preset) != nil else {
            throw ValidationError("unknown preset `\(preset)`; use one of \(SynthConfig.presetNames.joined(separator: ", "))")
        }
        if let ratings, ratings < 1 { throw ValidationError("--ratings must be at least 1") }
        guard ["csv", "parquet"].contains(format) else {
            throw ValidationError("--format must be csv or parquet, not `\(format)`")
        }
    }

    func run() throws {
        var config = ratings.map(SynthConfig.doubanShaped(ratings:)) ?? SynthConfig.preset(named: preset)!
        config.seed = seed
        let written = try SyntheticDataWriter.write(config, to: out)
        print("wrote \(written.ratings) ratings to \(written.ratingsPath) and \(written.movies) movies to \(written.moviesPath)")
        if format == "parquet" { try convertToParquet(written.ratingsPath, expected: written.ratings) }
    }

    /// Spark reads the CSV just written (as `load ... engine=spark` would) and writes it as Parquet
    /// beside it; recbook has no Parquet writer of its own, and Spark is what reads the file later.
    private func convertToParquet(_ csv: String, expected: Int) throws {
        let parquet = ((csv as NSString).deletingPathExtension as NSString).appendingPathExtension("parquet")!
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("recbook-synth-\(UUID().uuidString)").path
        let rows: Int
        let master: String
        do throws(SparkError) {
            let driver = try SparkDriver.start(try SparkSettings.resolve(master: spark.sparkMaster), in: work)
            defer { driver.stop() }
            master = driver.master
            let absolute = URL(fileURLWithPath: csv).standardizedFileURL.path
            _ = try SparkRatings.load(SparkRatings.Source(uri: absolute, parquet: false, layout: .douban), driver: driver)
            rows = try SparkRatings.writeParquet(to: URL(fileURLWithPath: parquet).standardizedFileURL.path, driver: driver)
        } catch {
            throw ValidationError("could not write \(parquet): \(error.description)")
        }
        guard rows == expected else {
            throw ValidationError("Spark wrote \(rows) rows to \(parquet), not the \(expected) generated")
        }
        try? FileManager.default.removeItem(atPath: work)
        print("wrote the ratings as Parquet to \(parquet) (by Spark on \(master))")
    }
}
