/// Settings of the biased matrix factorisation Surprise calls `SVD` (Koren, Bell and Volinsky,
/// 2009; Surprise's `prediction_algorithms/matrix_factorization.pyx`):
///
///     r̂ = μ + b_u + b_i + q_i · p_u
///     minimise  Σ (r - r̂)² + reg (b_u² + b_i² + |p_u|² + |q_i|²)
///
/// by plain SGD, one rating at a time, each user's ratings in turn (Surprise's order):
///
///     e = r - r̂;  b_u += lr (e - reg b_u);  b_i += lr (e - reg b_i)
///     p_u += lr (e q_i - reg p_u);  q_i += lr (e p_u - reg q_i)   (both from the old values)
///
/// Factors start normal(initMean, initStandardDeviation), biases at zero. `factors = 0` gives
/// the SGD baseline (biases only). Defaults are Surprise's: 100 factors, 20 epochs, lr 0.005,
/// reg 0.02, init normal(0, 0.1).
public struct BiasedSGDConfig: Sendable, Hashable, Codable {
    public var factors: Int
    public var epochs: Int
    public var learningRate: Float
    public var regularization: Float
    public var initMean: Float
    public var initStandardDeviation: Float
    public var seed: UInt64

    public init(
        factors: Int = 100, epochs: Int = 20, learningRate: Float = 0.005, regularization: Float = 0.02,
        initMean: Float = 0, initStandardDeviation: Float = 0.1, seed: UInt64 = 42
    ) {
        self.factors = factors
        self.epochs = epochs
        self.learningRate = learningRate
        self.regularization = regularization
        self.initMean = initMean
        self.initStandardDeviation = initStandardDeviation
        self.seed = seed
    }

    public func validate() throws(ConfigError) {
        guard (0...1_000).contains(factors) else {
            throw ConfigError(setting: "k", allowed: "from 0 to 1000", given: "\(factors)")
        }
        guard (1...10_000).contains(epochs) else {
            throw ConfigError(setting: "epochs", allowed: "from 1 to 10000", given: "\(epochs)")
        }
        guard learningRate > 0 && learningRate.isFinite else {
            throw ConfigError(setting: "lr", allowed: "a positive number", given: "\(learningRate)")
        }
        guard regularization >= 0 && regularization.isFinite else {
            throw ConfigError(setting: "reg", allowed: "a finite number >= 0", given: "\(regularization)")
        }
        guard initMean.isFinite else {
            throw ConfigError(setting: "the initial mean", allowed: "a finite number", given: "\(initMean)")
        }
        guard initStandardDeviation >= 0 && initStandardDeviation.isFinite else {
            throw ConfigError(
                setting: "the initial standard deviation", allowed: "a finite number >= 0", given: "\(initStandardDeviation)")
        }
    }

    public var summary: String {
        "k=\(factors), \(epochs) epochs, lr=\(learningRate), reg=\(regularization), SGD"
    }
}
