import RecEngine
import RecSpark

/// Ratings a notebook loaded with `load ratings=URI engine=spark`. They live in the notebook's
/// Spark session; recbook keeps only what Spark said about them, so its memory does not grow
/// with the data.
struct SparkData {
    /// What `load` was given, as the report names it.
    var uri: String
    /// The notebook line of the `load`.
    var line: Int
    /// The row-hash split made in Spark, if any.
    var split: SparkRatings.SplitCounts?
    /// ALS models fitted in Spark on `split`, by name, with their test scores.
    var models: [String: Model] = [:]

    struct Model {
        var config: ALSConfig
        var scores: SparkRatings.ALSScores
    }

    /// The verbs that run on ratings in Spark, for the message that refuses the others.
    static let verbs =
        "stats ratings, histogram ratings, rank movies, split test=F, train NAME model=als, evaluate NAME, "
        + "recommend NAME id=USERID, compare"

    /// Why `verb` cannot run here, and what to do instead.
    func refusal(_ verb: String) -> String {
        "`\(verb)` needs the ratings in recbook's own engine, and these stay in Spark (`load ... engine=spark`, line "
            + "\(line)). On Spark data recbook runs \(Self.verbs). For anything else, load the ratings (or a sample "
            + "of them, e.g. one file of a folder) without engine=spark."
    }
}
