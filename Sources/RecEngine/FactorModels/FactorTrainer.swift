import Foundation

/// The one training loop behind SVD, RSVD and the neural model, reproducing what Keras'
/// `model.fit(..., validation_split=v, shuffle=True)` does with an MSE loss and Adam:
///
/// 1. Initialise as Keras: embeddings uniform(-0.05, 0.05); dense kernels Glorot-uniform
///    (limit sqrt(6 / (fan_in + fan_out))); dense biases zero. RSVD's global bias starts
///    uniform in [0, 1) as the article's `np.random.random` constant, but is trained here.
/// 2. Hold out the last `validationFraction` of the rows (Keras takes them before shuffling).
/// 3. Each epoch, shuffle the remaining rows and take mini-batches of `batchSize`; each batch
///    minimises `mean((r̂ - r)^2) + reg * sum(w^2)`, the sum over whole embedding tables as
///    Keras' weight regularisers do (the lazy optimiser regularises only the looked-up rows).
/// 4. After each epoch: stop with `TrainingError.diverged` if any parameter is not finite;
///    record train loss/MAE (running means over the batches) and validation loss/MAE; stop
///    early when validation loss has not improved for `patience` epochs.
///
/// Every random draw comes from `SplitMix64` streams derived from `config.seed`; `threads`
/// changes the speed, never the result.
public enum FactorTrainer {
    /// Trains on every row of `table` (minus the validation tail).
    /// - Parameter progress: called after each epoch (for a progress line); nil for silence.
    public static func fit(
        _ config: FactorModelConfig, on table: RatingsTable, threads: Int = 2,
        progress: ((EpochRecord) -> Void)? = nil
    ) throws(TrainingError) -> FactorModel {
        do { try config.validate() } catch { throw .invalidConfig(error) }
        let total = table.count
        let trainCount = Int(Double(total) * (1 - config.validationFraction))
        guard trainCount > 0 else { throw .noTrainingData }
        let layout = FactorLayout(
            kind: config.kind, users: table.userCount, movies: table.movieCount, factors: config.factors,
            hiddenUnits: config.hiddenUnits)
        var seenUsers = [Bool](repeating: false, count: layout.users)
        var seenMovies = [Bool](repeating: false, count: layout.movies)
        for row in 0..<trainCount {
            seenUsers[Int(table.users[row])] = true
            seenMovies[Int(table.movies[row])] = true
        }
        let batchSize = min(config.batchSize, trainCount)
        let lazy = config.optimizer == .lazyAdam
        let l2: Float = config.kind == .svd ? 0 : config.regularization
        var initial = initialParameters(layout, seed: config.seed)
        if let fixed = config.fixedGlobalBias { for index in layout.globalBias { initial[index] = fixed } }
        let optimizer: any FactorOptimizer =
            lazy
            ? LazyAdamStep(
                layout: layout, initial: initial, maxBatch: batchSize, threads: max(1, threads), adam: config.adam, l2: l2,
                fixesGlobalBias: config.fixedGlobalBias != nil)
            : ExactAdamStep(
                layout: layout, initial: initial, maxBatch: batchSize, threads: max(1, threads), adam: config.adam, l2: l2,
                fixesGlobalBias: config.fixedGlobalBias != nil)
        var history = TrainingHistory()
        let shuffler = EpochShuffler(
            table, count: trainCount, order: lazy ? .groupedByUser(batchSize: batchSize) : .shuffled, seed: config.seed,
            threads: threads)
        var bestValidation = Double.infinity
        var sinceBest = 0
        let validationRows = trainCount..<total
        try Memory.reading(table.users) { (users) throws(TrainingError) in
            try Memory.reading(table.movies) { (movies) throws(TrainingError) in
                try Memory.reading(table.ratings) { (ratings) throws(TrainingError) in
                    for epoch in 1...config.epochs {
                        let started = Date()
                        shuffler.prepare(epoch: epoch, lastEpoch: config.epochs)
                        let order = shuffler.columns
                        var squared = 0.0
                        var absolute = 0.0
                        var lower = 0
                        while lower < trainCount {
                            let upper = min(trainCount, lower + batchSize)
                            let sums = optimizer.train(
                                rows: lower..<upper, users: order.users, movies: order.movies, ratings: order.ratings)
                            squared += sums.squared
                            absolute += sums.absolute
                            lower = upper
                        }
                        guard let penalty = optimizer.penaltyIfFinite() else {
                            throw .diverged(epoch: epoch, learningRate: config.adam.learningRate)
                        }
                        var record = EpochRecord(
                            epoch: epoch, trainLoss: squared / Double(trainCount) + penalty,
                            trainMAE: absolute / Double(trainCount), validationLoss: nil, validationMAE: nil, seconds: 0)
                        if !validationRows.isEmpty {
                            let sums = optimizer.errorSums(rows: validationRows, users: users, movies: movies, ratings: ratings)
                            record.validationLoss = sums.squared / Double(validationRows.count) + penalty
                            record.validationMAE = sums.absolute / Double(validationRows.count)
                        }
                        record.seconds = Date().timeIntervalSince(started)
                        history.epochs.append(record)
                        progress?(record)
                        if let patience = config.patience, let loss = record.validationLoss {
                            if loss < bestValidation {
                                bestValidation = loss
                                sinceBest = 0
                            } else {
                                sinceBest += 1
                                if sinceBest >= patience && epoch < config.epochs {
                                    history.stoppedEarly = true
                                    break
                                }
                            }
                        }
                    }
                }
            }
        }
        return FactorModel(
            config: config, layout: layout, parameters: optimizer.parameters, seenUsers: seenUsers, seenMovies: seenMovies,
            history: history)
    }

    /// Keras' initialisers, block by block, from one seeded stream.
    static func initialParameters(_ layout: FactorLayout, seed: UInt64) -> [Float] {
        var generator = SplitMix64(seed: SplitMix64.derived(seed, 1))
        var parameters = [Float](repeating: 0, count: layout.count)
        func uniform(_ range: Range<Int>, _ limit: Double) {
            for index in range {
                parameters[index] = Float((generator.nextUnit() * 2 - 1) * limit)
            }
        }
        uniform(layout.userFactors, 0.05)
        uniform(layout.movieFactors, 0.05)
        uniform(layout.userBias, 0.05)
        uniform(layout.movieBias, 0.05)
        for index in layout.globalBias { parameters[index] = Float(generator.nextUnit()) }
        if layout.kind == .neural {
            let units = Double(layout.hiddenUnits)
            uniform(layout.hiddenWeights, (6 / (Double(layout.inputWidth) + units)).squareRoot())
            uniform(layout.outputWeights, (6 / (units + 1)).squareRoot())
        }
        return parameters
    }
}
