/// Settings of explicit alternating least squares, named as Spark MLlib names them.
public struct ALSConfig: Sendable, Hashable, Codable {
    /// Latent factors per user and movie (Spark's `rank`).
    public var rank: Int
    /// Full alternations: each solves every movie, then every user (Spark's `maxIter`).
    public var iterations: Int
    /// λ in the objective; scaled by each row's rating count as Spark does (`regParam`).
    public var regularization: Double
    /// Constrains every factor to be >= 0 (Spark's `nonnegative`).
    public var nonnegative: Bool
    public var seed: UInt64

    public init(rank: Int = 10, iterations: Int = 10, regularization: Double = 0.1, nonnegative: Bool = false, seed: UInt64 = 42)
    {
        self.rank = rank
        self.iterations = iterations
        self.regularization = regularization
        self.nonnegative = nonnegative
        self.seed = seed
    }

    public func validate() throws(ConfigError) {
        guard (1...1_000).contains(rank) else {
            throw ConfigError(setting: "rank", allowed: "between 1 and 1000", given: "\(rank)")
        }
        guard (1...10_000).contains(iterations) else {
            throw ConfigError(setting: "iterations", allowed: "between 1 and 10000", given: "\(iterations)")
        }
        guard regularization > 0, regularization.isFinite else {
            throw ConfigError(setting: "regularization", allowed: "a positive number", given: "\(regularization)")
        }
    }
}
