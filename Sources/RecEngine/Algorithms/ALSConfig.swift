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

    /// What is wrong with the settings, said as the user should fix it.
    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    public func validate() throws(Invalid) {
        guard (1...1_000).contains(rank) else { throw Invalid(description: "rank must be between 1 and 1000, not \(rank)") }
        guard (1...10_000).contains(iterations) else {
            throw Invalid(description: "iterations must be between 1 and 10000, not \(iterations)")
        }
        guard regularization > 0, regularization.isFinite else {
            throw Invalid(description: "regularization must be a positive number, not \(regularization)")
        }
    }
}
