/// A trained SVD, RSVD or neural model (see `FactorModelConfig` for the maths): immutable
/// parameters in one flat buffer laid out by `FactorLayout`.
///
/// Users and movies with no training rating keep their random initial embeddings (exact Adam
/// also shrinks them by the L2 penalty at every step, as Keras does; lazy Adam never touches
/// them). Those mean nothing, so `estimate` throws for them and `Predictor` falls back to the
/// training mean; `estimateAsTrained` scores them from those rows anyway, as Keras'
/// `model.evaluate` does.
public struct FactorModel: RatingEstimator, Sendable {
    public let config: FactorModelConfig
    public let layout: FactorLayout
    public let parameters: [Float]
    /// Per dense index: did it have a training rating?
    public let seenUsers: [Bool]
    public let seenMovies: [Bool]
    public let history: TrainingHistory

    public init(
        config: FactorModelConfig, layout: FactorLayout, parameters: [Float], seenUsers: [Bool], seenMovies: [Bool],
        history: TrainingHistory
    ) {
        precondition(parameters.count == layout.count && seenUsers.count == layout.users && seenMovies.count == layout.movies)
        self.config = config
        self.layout = layout
        self.parameters = parameters
        self.seenUsers = seenUsers
        self.seenMovies = seenMovies
        self.history = history
    }

    public func estimate(user: Int, movie: Int) throws(EstimateError) -> Double {
        guard user >= 0 && user < layout.users && seenUsers[user] else { throw .unknownUser(user) }
        guard movie >= 0 && movie < layout.movies && seenMovies[movie] else { throw .unknownMovie(movie) }
        return forward(user: user, movie: movie)
    }

    /// Every user and movie of the training table has a row.
    public var estimatesUnseenAsTrained: Bool { true }

    /// The forward pass for any index in the tables, seen in training or not.
    public func estimateAsTrained(user: Int, movie: Int) throws(EstimateError) -> Double {
        guard user >= 0 && user < layout.users else { throw .unknownUser(user) }
        guard movie >= 0 && movie < layout.movies else { throw .unknownMovie(movie) }
        return forward(user: user, movie: movie)
    }

    private func forward(user: Int, movie: Int) -> Double {
        Memory.reading(parameters) { weights in
            // On the stack: ranking makes tens of millions of predictions, and a heap array
            // per prediction cost more than the neural model's forward pass.
            let scratchCount = layout.kind == .neural ? layout.hiddenUnits + layout.inputWidth : 0
            return Memory<Float>.withScratch(count: scratchCount) { scratch in
                Double(FactorForward.predict(weights, layout, user: user, movie: movie, scratch: scratch))
            }
        }
    }
}
