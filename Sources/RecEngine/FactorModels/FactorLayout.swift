/// Where each parameter block of a factor model sits in its one flat `[Float]` buffer.
///
/// Order: user factors (users × k, row-major), movie factors (movies × k), user biases,
/// movie biases, global bias, hidden weights ((2k+2) × units, row-major as Keras' kernel),
/// hidden biases, output weights (units), output bias. Blocks a model does not use are empty.
public struct FactorLayout: Sendable, Hashable, Codable {
    public let kind: FactorModelConfig.Kind
    public let users: Int
    public let movies: Int
    public let factors: Int
    public let hiddenUnits: Int

    public let userFactors: Range<Int>
    public let movieFactors: Range<Int>
    public let userBias: Range<Int>
    public let movieBias: Range<Int>
    public let globalBias: Range<Int>
    public let hiddenWeights: Range<Int>
    public let hiddenBias: Range<Int>
    public let outputWeights: Range<Int>
    public let outputBias: Range<Int>

    public init(kind: FactorModelConfig.Kind, users: Int, movies: Int, factors: Int, hiddenUnits: Int) {
        self.kind = kind
        self.users = users
        self.movies = movies
        self.factors = factors
        let units = kind == .neural ? hiddenUnits : 0
        self.hiddenUnits = units
        let biased = kind != .svd
        var cursor = 0
        func take(_ size: Int) -> Range<Int> {
            defer { cursor += size }
            return cursor..<cursor + size
        }
        userFactors = take(users * factors)
        movieFactors = take(movies * factors)
        userBias = take(biased ? users : 0)
        movieBias = take(biased ? movies : 0)
        globalBias = take(kind == .rsvd ? 1 : 0)
        hiddenWeights = take((2 * factors + 2) * units)
        hiddenBias = take(units)
        outputWeights = take(units)
        outputBias = take(kind == .neural ? 1 : 0)
        count = cursor
    }

    public let count: Int

    /// Width of the neural model's input: movie factors, user factors, user bias, movie bias.
    public var inputWidth: Int { 2 * factors + 2 }

    /// The blocks after the embeddings (global bias and dense layers): updated densely always.
    var denseBlock: Range<Int> { globalBias.lowerBound..<count }
}
