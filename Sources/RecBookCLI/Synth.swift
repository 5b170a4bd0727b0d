import ArgumentParser
import RecEngine
import RecNotebook

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

    func validate() throws {
        guard SynthConfig.preset(named: preset) != nil else {
            throw ValidationError("unknown preset `\(preset)`; use one of \(SynthConfig.presetNames.joined(separator: ", "))")
        }
        if let ratings, ratings < 1 { throw ValidationError("--ratings must be at least 1") }
    }

    func run() throws {
        var config = ratings.map(SynthConfig.doubanShaped(ratings:)) ?? SynthConfig.preset(named: preset)!
        config.seed = seed
        let written = try SyntheticDataWriter.write(config, to: out)
        print("wrote \(written.ratings) ratings to \(written.ratingsPath) and \(written.movies) movies to \(written.moviesPath)")
    }
}
