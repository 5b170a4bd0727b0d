import Foundation
import RecEngine

/// Ratings that stay in Spark (`load ratings=URI engine=spark`): the requests recbook makes about
/// the data the driver holds. Every one returns a small result (counts, a histogram, errors);
/// the rows themselves are read, split and fitted where Spark runs and never reach recbook.
public enum SparkRatings {
    /// Where the ratings are and how to read them.
    public struct Source: Encodable, Sendable {
        /// Anything Spark reads: a local path, `file://`, `hdfs://`, `s3a://`.
        public var uri: String
        /// `parquet`, or a delimited text file laid out as `layout` says.
        public var parquet: Bool
        public var layout: RatingsFormat

        public init(uri: String, parquet: Bool, layout: RatingsFormat) {
            self.uri = uri
            self.parquet = parquet
            self.layout = layout
        }

        enum CodingKeys: String, CodingKey {
            case uri, format, separator, header
            case fieldCount = "field_count"
            case userColumn = "user_column"
            case movieColumn = "movie_column"
            case ratingColumn = "rating_column"
            case ratingRange = "rating_range"
            case wholeRatings = "whole_ratings"
            case skipMalformed = "skip_malformed"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(uri, forKey: .uri)
            try container.encode(parquet ? "parquet" : "text", forKey: .format)
            try container.encode(layout.separator, forKey: .separator)
            try container.encode(layout.hasHeader, forKey: .header)
            try container.encode(layout.fieldCount, forKey: .fieldCount)
            try container.encode(layout.userColumn, forKey: .userColumn)
            try container.encode(layout.movieColumn, forKey: .movieColumn)
            try container.encode(layout.ratingColumn, forKey: .ratingColumn)
            try container.encode([layout.ratingRange.lowerBound, layout.ratingRange.upperBound], forKey: .ratingRange)
            try container.encode(layout.wholeRatings, forKey: .wholeRatings)
            try container.encode(layout.skipMalformed, forKey: .skipMalformed)
        }
    }

    /// Counts and the range of the ratings, computed by Spark.
    public struct Summary: Decodable, Sendable, Hashable {
        public var rows: Int
        public var users: Int
        public var movies: Int
        public var minimum: Double?
        public var maximum: Double?
        public var mean: Double?
    }

    /// What `load` found: the summary, and the malformed rows it skipped (`skip-malformed`).
    public struct Loaded: Decodable, Sendable, Hashable {
        public var summary: Summary
        public var skipped: Int
        /// Up to three skipped rows as the file writes them.
        public var examples: [String]

        enum CodingKeys: String, CodingKey { case skipped, examples }

        public init(from decoder: any Decoder) throws {
            summary = try Summary(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            skipped = try container.decode(Int.self, forKey: .skipped)
            examples = try container.decode([String].self, forKey: .examples)
        }
    }

    /// The row-hash split's sizes (see `RowHashSplit`).
    public struct SplitCounts: Decodable, Sendable, Hashable {
        public var train: Int
        public var test: Int
        /// Distinct test users with no training rating.
        public var coldUsers: Int

        enum CodingKeys: String, CodingKey {
            case train, test
            case coldUsers = "cold_users"
        }
    }

    /// An ALS fit on the split's training rows, scored on its test rows (training mean for
    /// users and movies with no training rating, predictions clipped to the training range).
    public struct ALSScores: Decodable, Sendable, Hashable {
        public var rows: Int
        public var fallbacks: Int
        public var mse: Double
        public var mae: Double
        public var fitSeconds: Double
        public var predictSeconds: Double
        public var rank: Int

        public var rmse: Double { mse.squareRoot() }

        enum CodingKeys: String, CodingKey {
            case rows, fallbacks, mse, mae, rank
            case fitSeconds = "fit_seconds"
            case predictSeconds = "predict_seconds"
        }
    }

    struct Histogram: Decodable {
        var values: [[Double]]
    }

    struct SplitArguments: Encodable {
        var seed: String
        var threshold: UInt64
    }

    /// A request over the whole data may take as long as a fit.
    static let timeout: Duration = .seconds(4 * 3600)

    /// Reads the ratings into the driver (cached there), replacing any read before.
    public static func load(_ source: Source, driver: SparkDriver) throws(SparkError) -> Loaded {
        try driver.call("load", source, returning: Loaded.self, timeout: timeout)
    }

    public static func summary(driver: SparkDriver) throws(SparkError) -> Summary {
        try driver.call("summary", DriverMessage.Empty(), returning: Summary.self, timeout: timeout)
    }

    /// Ratings per rating value, lowest value first.
    public static func histogram(driver: SparkDriver) throws(SparkError) -> [(rating: Double, count: Int)] {
        let reply = try driver.call("histogram", DriverMessage.Empty(), returning: Histogram.self, timeout: timeout)
        return try reply.values.map { pair throws(SparkError) in
            guard pair.count == 2, pair[1] >= 0, pair[1] == pair[1].rounded() else {
                throw .invalidOutput(file: "the `histogram` reply", reason: "\(pair) is not a rating and its count")
            }
            return (pair[0], Int(pair[1]))
        }
    }

    /// Divides the loaded ratings by `RowHashSplit`'s rule, in Spark.
    public static func split(testFraction: Double, seed: UInt64, driver: SparkDriver) throws(SparkError) -> SplitCounts {
        let arguments = SplitArguments(seed: String(seed), threshold: RowHashSplit.threshold(testFraction: testFraction))
        return try driver.call("split", arguments, returning: SplitCounts.self, timeout: timeout)
    }

    /// A movie's mean rating and number of ratings.
    public struct MovieMean: Sendable, Hashable {
        public var movie: String
        public var mean: Double
        public var count: Int
    }

    /// Movies by mean rating, or by number of ratings (`byCount`), ties by movie id, of those with
    /// at least `minimumCount` ratings: the top `limit`, and how many movies qualified.
    public static func rank(byCount: Bool, limit: Int, minimumCount: Int, driver: SparkDriver) throws(SparkError)
        -> (top: [MovieMean], total: Int)
    {
        struct Arguments: Encodable {
            var by: String
            var n: Int
            var min_count: Int
        }
        struct Reply: Decodable {
            var rows: [[Entry]]
            var total: Int
        }
        let reply = try driver.call(
            "rank", Arguments(by: byCount ? "count" : "mean", n: limit, min_count: minimumCount), returning: Reply.self,
            timeout: timeout)
        let top = try reply.rows.map { row throws(SparkError) -> MovieMean in
            guard row.count == 3, case .text(let movie) = row[0], case .number(let mean) = row[1],
                case .number(let count) = row[2]
            else { throw .invalidOutput(file: "the `rank` reply", reason: "a row is not a movie, its mean and count") }
            return MovieMean(movie: movie, mean: mean, count: Int(count))
        }
        return (top, reply.total)
    }

    /// One user's recommendations from the model `name` fitted on the Spark split.
    public struct Recommendations: Sendable {
        /// The best unrated movies with their (clipped) predictions, best first.
        public var recommended: [(movie: String, prediction: Double)]
        /// The user's ratings, highest first (ties by movie id), at most as many as asked for.
        public var rated: [(movie: String, rating: Double)]
        public var ratedCount: Int
        public var unrated: Int
    }

    public static func recommend(model name: String, user: String, limit: Int, driver: SparkDriver) throws(SparkError)
        -> Recommendations
    {
        struct Arguments: Encodable {
            var model: String
            var user: String
            var n: Int
        }
        struct Reply: Decodable {
            var recommended: [[Entry]]
            var rated: [[Entry]]
            var rated_count: Int
            var unrated: Int
        }
        let reply = try driver.call(
            "recommend", Arguments(model: name, user: user, n: limit), returning: Reply.self, timeout: timeout)
        func pairs(_ rows: [[Entry]]) throws(SparkError) -> [(String, Double)] {
            try rows.map { row throws(SparkError) -> (String, Double) in
                guard row.count == 2, case .text(let movie) = row[0], case .number(let value) = row[1] else {
                    throw .invalidOutput(file: "the `recommend` reply", reason: "a row is not a movie and its value")
                }
                return (movie, value)
            }
        }
        return Recommendations(
            recommended: try pairs(reply.recommended).map { ($0.0, $0.1) }, rated: try pairs(reply.rated).map { ($0.0, $0.1) },
            ratedCount: reply.rated_count, unrated: reply.unrated)
    }

    /// A JSON value in a reply row: a movie id or a number.
    enum Entry: Decodable {
        case text(String)
        case number(Double)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    /// Writes the loaded ratings to `path` as Parquet, replacing what is there; returns the rows
    /// Spark reads back from it.
    public static func writeParquet(to path: String, driver: SparkDriver) throws(SparkError) -> Int {
        struct Arguments: Encodable { var path: String }
        struct Written: Decodable { var rows: Int }
        return try driver.call("write_parquet", Arguments(path: path), returning: Written.self, timeout: timeout).rows
    }

    /// Fits ALS on the split's training rows and keeps the model in the driver as `name` (for
    /// `recommend`) until the next split.
    public static func trainALS(_ config: ALSConfig, name: String, driver: SparkDriver) throws(SparkError) -> ALSScores {
        struct Arguments: Encodable {
            var name: String
            var settings: SparkALSSettings

            enum CodingKeys: String, CodingKey { case name }

            func encode(to encoder: any Encoder) throws {
                try settings.encode(to: encoder)
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(name, forKey: .name)
            }
        }
        let scores = try driver.call(
            "als_on_data", Arguments(name: name, settings: SparkALSSettings(config)), returning: ALSScores.self,
            timeout: timeout)
        guard scores.rank == config.rank else {
            throw .invalidOutput(file: "the `als_on_data` reply", reason: "rank \(scores.rank), asked for \(config.rank)")
        }
        return scores
    }
}
