/// Any fitted model, as one value conforming to `RatingEstimator`.
public enum FittedModel: RatingEstimator, Sendable {
    case factor(FactorModel)
    case biasedSGD(BiasedSGDModel)
    case baseline(BaselineModel)
    case movieMean(MovieMeans)
    case als(ALSModel)
    case itemKNN(ItemKNN)

    public func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
        switch self {
        case .factor(let model): return try model.estimate(user: user, movie: movie)
        case .biasedSGD(let model): return try model.estimate(user: user, movie: movie)
        case .baseline(let model): return try model.estimate(user: user, movie: movie)
        case .movieMean(let model): return try model.estimate(user: user, movie: movie)
        case .als(let model): return try model.estimate(user: user, movie: movie)
        case .itemKNN(let model): return try model.estimate(user: user, movie: movie)
        }
    }

    /// Only the factor models keep a row for every user and movie of their table.
    public var estimatesUnseenAsTrained: Bool {
        if case .factor(let model) = self { return model.estimatesUnseenAsTrained }
        return false
    }

    public func estimateAsTrained(user: Int, movie: Int) throws(EstimateError) -> Double {
        if case .factor(let model) = self { return try model.estimateAsTrained(user: user, movie: movie) }
        return try estimate(user: user, movie: movie)
    }

    /// Per-epoch losses, for the models trained by epochs with Adam.
    public var history: TrainingHistory? {
        if case .factor(let model) = self { return model.history }
        return nil
    }
}

extension Predictor where Model == FittedModel {
    /// `work` run on this predictor with the model taken out of its case: the same fallback,
    /// scale, rule and estimates, so the same predictions.
    public func withConcreteModel<Work: PredictorWork>(_ work: Work) -> Work.Output {
        switch model {
        case .factor(let model): work.run(replacingModel(with: model))
        case .biasedSGD(let model): work.run(replacingModel(with: model))
        case .baseline(let model): work.run(replacingModel(with: model))
        case .movieMean(let model): work.run(replacingModel(with: model))
        case .als(let model): work.run(replacingModel(with: model))
        case .itemKNN(let model): work.run(replacingModel(with: model))
        }
    }
}
