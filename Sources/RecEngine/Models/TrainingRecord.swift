/// What a model was trained on: the ratings it was loaded from, the split whose training rows it
/// saw (or all rows), and a digest of exactly those rows.
///
/// A saved model carries one (see `FactorModel+File.swift`), so that a notebook restoring it
/// can refuse to score it on test rows it may have learnt from. The digest decides; the other
/// fields are there to say, in words, what differs.
public struct TrainingRecord: Codable, Sendable, Hashable {
    /// A ratings file as loaded: its name, the SHA-256 of its bytes, its rows.
    public struct Source: Codable, Sendable, Hashable {
        public var name: String
        public var sha256: String
        public var rows: Int

        public init(name: String, sha256: String, rows: Int) {
            self.name = name
            self.sha256 = sha256
            self.rows = rows
        }
    }

    /// The split whose training rows the model saw.
    public struct Split: Codable, Sendable, Hashable {
        /// `holdout` or `k-fold`.
        public var kind: String
        /// The notebook's master seed when the split was drawn (the split derives its own).
        public var seed: UInt64
        /// Test rows over all rows.
        public var testShare: Double
        /// For `k-fold`: how many folds, and which one's training rows (1-based).
        public var folds: Int?
        public var fold: Int?

        public init(kind: String, seed: UInt64, testShare: Double, folds: Int? = nil, fold: Int? = nil) {
            self.kind = kind
            self.seed = seed
            self.testShare = testShare
            self.folds = folds
            self.fold = fold
        }
    }

    /// The ratings files of the data, in load order.
    public var sources: [Source]
    /// Ratings in the loaded table (after `load`, `replace` and `select`).
    public var ratings: Int
    /// The split, or `nil` when the model was trained on all ratings (`train ... on=all`).
    public var split: Split?
    /// How many rows the model was trained on.
    public var trainingRows: Int
    /// SHA-256 of the training rows' users, movies and ratings: two records with the same
    /// digest saw the same rows.
    public var trainingDigest: String

    public init(sources: [Source], ratings: Int, split: Split?, trainingRows: Int, trainingDigest: String) {
        self.sources = sources
        self.ratings = ratings
        self.split = split
        self.trainingRows = trainingRows
        self.trainingDigest = trainingDigest
    }
}
