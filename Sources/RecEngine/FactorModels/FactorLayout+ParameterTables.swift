extension FactorLayout {
    /// Every non-empty block of the flat buffer, in buffer order, counted from its range: the
    /// embeddings (users × k, movies × k, a bias each), RSVD's trained μ, then the neural
    /// model's two dense layers, each its kernel and its bias.
    public var parameterTables: [ParameterTable] {
        var tables: [ParameterTable] = []
        func add(_ role: ParameterTable.Role, _ blocks: [(range: Range<Int>, shape: [Int])]) {
            let count = blocks.map(\.range.count).reduce(0, +)
            guard count > 0 else { return }
            tables.append(ParameterTable(role, shapes: blocks.map(\.shape), count: count))
        }
        add(.userFactors, [(userFactors, [users, factors])])
        add(.movieFactors, [(movieFactors, [movies, factors])])
        add(.userBiases, [(userBias, [users, 1])])
        add(.movieBiases, [(movieBias, [movies, 1])])
        add(.globalMean, [(globalBias, [1])])
        add(.hiddenLayer, [(hiddenWeights, [inputWidth, hiddenUnits]), (hiddenBias, [hiddenUnits])])
        add(.outputLayer, [(outputWeights, [hiddenUnits, 1]), (outputBias, [1])])
        return tables
    }
}
