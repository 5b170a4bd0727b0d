extension FittedModel {
    /// What the fitted model stores, table by table, counted from its own arrays (Keras'
    /// `model.summary()` for any family). Empty tables (sgd-svd with k = 0) are left out.
    public var parameterTables: [ParameterTable] {
        switch self {
        case .factor(let model):
            return model.layout.parameterTables
        case .biasedSGD(let model):
            let k = model.config.factors
            return [
                ParameterTable(.globalMean, shapes: [[1]], count: 1, trained: false),
                ParameterTable(.userBiases, shapes: [[model.userBias.count, 1]], count: model.userBias.count),
                ParameterTable(.movieBiases, shapes: [[model.movieBias.count, 1]], count: model.movieBias.count),
                ParameterTable(.userFactors, shapes: [[model.userBias.count, k]], count: model.userFactors.count),
                ParameterTable(.movieFactors, shapes: [[model.movieBias.count, k]], count: model.movieFactors.count),
            ].filter { $0.count > 0 }
        case .baseline(let model):
            return [
                ParameterTable(.globalMean, shapes: [[1]], count: 1, trained: false),
                ParameterTable(.userBiases, shapes: [[model.userBias.count, 1]], count: model.userBias.count),
                ParameterTable(.movieBiases, shapes: [[model.movieBias.count, 1]], count: model.movieBias.count),
            ]
        case .movieMean(let model):
            return [ParameterTable(.movieMeans, shapes: [[model.means.count]], count: model.means.count)]
        case .als(let model):
            let users = model.userFactors.count / model.rank
            let movies = model.movieFactors.count / model.rank
            return [
                ParameterTable(.userFactors, shapes: [[users, model.rank]], count: model.userFactors.count),
                ParameterTable(.movieFactors, shapes: [[movies, model.rank]], count: model.movieFactors.count),
            ]
        case .itemKNN(let model):
            let movies = model.correlation.movieCount
            return [
                ParameterTable(.movieMeans, shapes: [[model.means.count]], count: model.means.count, trained: false),
                ParameterTable(
                    .correlations, shapes: [[movies, movies]], count: model.correlation.values.count, trained: false),
                ParameterTable(
                    .trainingRatings, shapes: [[model.matrix.rowValues.count]], count: model.matrix.rowValues.count,
                    trained: false),
            ]
        }
    }
}
