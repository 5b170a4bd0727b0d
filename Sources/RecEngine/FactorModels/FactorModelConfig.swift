/// Settings for one of the article's three Keras models, trained by `FactorTrainer`.
///
/// - `svd`: `r̂ = p_u · q_i` (two embeddings, no biases, no regularisation in the article).
/// - `rsvd`: `r̂ = p_u · q_i + b_u + b_i + μ`, with Keras' L2 (`reg * sum(w^2)`) on all four
///   embedding tables.
/// - `neural`: `x = [q_i, p_u, b_u, b_i]`, `h = relu(W1ᵀx + c1)`, `r̂ = w2 · h + c2`, L2 on the
///   embeddings only (the dense layers carry none, as in the article).
///
/// The objective is the batch mean of `(r̂ - r)^2` plus the L2 terms, minimised by Adam over
/// shuffled mini-batches. `optimizer` picks Keras' dense Adam (every parameter moves every step)
/// or a lazy Adam that only updates the embedding rows in the batch (TensorFlow's LazyAdam).
public struct FactorModelConfig: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case svd, rsvd, neural
    }

    public enum Optimizer: String, Sendable, Hashable, Codable, CaseIterable {
        /// Keras-exact: every row's moments decay and every row moves at every step.
        case adam
        /// Only the rows looked up in the batch are updated (and regularised); dense layers as Adam.
        case lazyAdam = "lazy-adam"
    }

    public var kind: Kind
    /// Latent factors per user and per movie (the article's `n_embeddings`).
    public var factors: Int
    /// The L2 coefficient Keras' `regularizers.l2` takes. Ignored by `svd`.
    public var regularization: Float
    /// Hidden units of the neural model's ReLU layer. Ignored by the others.
    public var hiddenUnits: Int
    public var epochs: Int
    public var batchSize: Int
    public var adam: AdamSettings
    public var optimizer: Optimizer
    /// Fraction of the training rows, taken from the end as Keras' `validation_split` does,
    /// held out to report validation loss and MAE each epoch. 0 for none.
    public var validationFraction: Double
    /// Stop when the validation loss has not improved for this many epochs (nil: never).
    public var patience: Int?
    public var seed: UInt64
    /// RSVD only: a value holds the global bias μ at it instead of training it, as the article's
    /// Keras model does (there μ is a random constant added in a `Lambda` layer, 0.3745 for
    /// NumPy's seed 42); `nil`, recbook's default, trains μ from a random start with the rest.
    /// Optional, so configs and model files from before the setting read as before.
    public var fixedGlobalBias: Float?

    public init(
        kind: Kind, factors: Int = 10, regularization: Float = 0, hiddenUnits: Int = 80, epochs: Int = 20,
        batchSize: Int = 10_000, learningRate: Float = 0.001, optimizer: Optimizer = .adam,
        validationFraction: Double = 0, patience: Int? = nil, seed: UInt64 = 42
    ) {
        self.kind = kind
        self.factors = factors
        self.regularization = regularization
        self.hiddenUnits = hiddenUnits
        self.epochs = epochs
        self.batchSize = batchSize
        self.adam = AdamSettings(learningRate: learningRate)
        self.optimizer = optimizer
        self.validationFraction = validationFraction
        self.patience = patience
        self.seed = seed
    }

    /// Throws `ConfigError` naming the first setting out of range.
    public func validate() throws(ConfigError) {
        guard (1...1_000).contains(factors) else {
            throw ConfigError(setting: "k", allowed: "from 1 to 1000", given: "\(factors)")
        }
        guard regularization >= 0 && regularization.isFinite else {
            throw ConfigError(setting: "reg", allowed: "a finite number >= 0", given: "\(regularization)")
        }
        guard kind != .neural || (1...10_000).contains(hiddenUnits) else {
            throw ConfigError(setting: "units", allowed: "from 1 to 10000", given: "\(hiddenUnits)")
        }
        guard (1...10_000).contains(epochs) else {
            throw ConfigError(setting: "epochs", allowed: "from 1 to 10000", given: "\(epochs)")
        }
        guard (1...10_000_000).contains(batchSize) else {
            throw ConfigError(setting: "batch", allowed: "from 1 to 10000000", given: "\(batchSize)")
        }
        guard adam.learningRate > 0 && adam.learningRate.isFinite else {
            throw ConfigError(setting: "lr", allowed: "a positive number", given: "\(adam.learningRate)")
        }
        guard validationFraction >= 0 && validationFraction < 1 else {
            throw ConfigError(
                setting: "validation", allowed: "from 0 (none) up to but not including 1", given: "\(validationFraction)")
        }
        if let fixedGlobalBias, kind != .rsvd || !fixedGlobalBias.isFinite {
            throw ConfigError(
                setting: "fixed-mean", allowed: "a finite number, for rsvd only (the only model with a global mean)",
                given: "\(fixedGlobalBias)")
        }
        if let patience, patience < 1 { throw ConfigError(setting: "patience", allowed: "at least 1", given: "\(patience)") }
        if patience != nil && validationFraction == 0 {
            throw ConfigError(
                setting: "patience", allowed: "used with validation > 0 (early stopping watches the validation loss)",
                given: "with validation=0; add validation=0.2, say")
        }
    }

    /// The settings in a few words, e.g. `k=5, reg=1e-07, 45 epochs, batch 10000, adam`.
    public var summary: String {
        var parts = ["k=\(factors)"]
        if kind != .svd { parts.append("reg=\(regularization)") }
        if kind == .neural { parts.append("units=\(hiddenUnits)") }
        parts.append("\(epochs) epochs")
        parts.append("batch \(batchSize)")
        parts.append(optimizer.rawValue)
        if adam.learningRate != 0.001 { parts.append("lr=\(adam.learningRate)") }
        if let fixedGlobalBias { parts.append("mean fixed at \(fixedGlobalBias)") }
        return parts.joined(separator: ", ")
    }
}
