/// Any model recbook can fit, as one value: what grid search, cross-validation and the
/// notebook's `train` hold. Each case's own config documents its maths.
public enum ModelConfig: Sendable, Hashable, Codable {
    /// SVD, RSVD or the neural model, trained by Adam (`FactorTrainer`).
    case factor(FactorModelConfig)
    /// Surprise's biased SVD by per-rating SGD.
    case biasedSGD(BiasedSGDConfig)
    /// Surprise's BaselineOnly (ALS).
    case baseline(BaselineConfig)
    /// Popularity baseline: each movie's mean training rating.
    case movieMean
    /// Explicit ALS with Spark MLlib's objective (`ALS`).
    case als(ALSConfig)
    /// Item-based k-nearest neighbours on Pearson correlations (`ItemKNN`, the article's item CF).
    case itemKNN(ItemKNN.Config)

    public func validate() throws(ConfigError) {
        switch self {
        case .factor(let config): try config.validate()
        case .biasedSGD(let config): try config.validate()
        case .baseline(let config): try config.validate()
        case .movieMean: break
        case .als(let config): try config.validate()
        case .itemKNN(let config): try config.validate()
        }
    }

    /// A short name for the model family, e.g. `rsvd` or `sgd-svd`.
    public var family: String {
        switch self {
        case .factor(let config): return config.kind.rawValue
        case .biasedSGD: return "sgd-svd"
        case .baseline: return "baseline"
        case .movieMean: return "movie-mean"
        case .als: return "als"
        case .itemKNN: return "item-knn"
        }
    }

    public var summary: String {
        switch self {
        case .factor(let config): return config.summary
        case .biasedSGD(let config): return config.summary
        case .baseline(let config): return config.summary
        case .movieMean: return "mean training rating of each movie"
        case .als(let config):
            return
                "rank \(config.rank), \(config.iterations) iterations, reg \(config.regularization)\(config.nonnegative ? ", nonnegative" : "")"
        case .itemKNN(let config):
            return "\(config.neighbours) neighbours, correlations over at least \(config.minPeriods) common raters"
        }
    }

    /// The same model with another seed (models without randomness are unchanged).
    public func reseeded(_ seed: UInt64) -> ModelConfig {
        switch self {
        case .factor(var config):
            config.seed = seed
            return .factor(config)
        case .biasedSGD(var config):
            config.seed = seed
            return .biasedSGD(config)
        case .als(var config):
            config.seed = seed
            return .als(config)
        case .baseline, .movieMean, .itemKNN: return self
        }
    }

    /// Fits on every row of `table`. `threads` only changes the speed.
    public func fit(
        on table: RatingsTable, threads: Int = allCores, progress: ((EpochRecord) -> Void)? = nil
    ) throws(TrainingError) -> FittedModel {
        switch self {
        case .factor(let config):
            return .factor(try FactorTrainer.fit(config, on: table, threads: threads, progress: progress))
        case .biasedSGD(let config):
            return .biasedSGD(try BiasedSGDModel.fit(config, on: table))
        case .baseline(let config):
            return .baseline(try BaselineModel.fit(config, on: table))
        case .movieMean:
            guard table.count > 0 else { throw .noTrainingData }
            return .movieMean(MovieMeans(table))
        case .als(let config):
            guard table.count > 0 else { throw .noTrainingData }
            do throws(ConfigError) {
                return .als(try ALS.fit(table, config: config, threads: threads))
            } catch {
                throw .invalidConfig(error)
            }
        case .itemKNN(let config):
            guard table.count > 0 else { throw .noTrainingData }
            do throws(ConfigError) {
                return .itemKNN(try ItemKNN.fit(table, config: config, threads: threads))
            } catch {
                throw .invalidConfig(error)
            }
        }
    }
}
