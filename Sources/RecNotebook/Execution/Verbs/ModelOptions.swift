import RecEngine

/// Reading a model's settings from a directive, shared by `train`, `grid` and `crossvalidate`.
/// Defaults are the article's final choices (SVD k=10, 50 epochs; RSVD k=5, reg 1e-7, 45
/// epochs; neural k=5, 80 units, reg 0.01, 45 epochs; batches of 10,000) and Surprise's
/// defaults for `sgd-svd` and `baseline`. In `grid`, any numeric key may list values
/// separated by commas; every combination is tried.
enum ModelOptions {
    static let families = ["svd", "rsvd", "neural", "sgd-svd", "baseline", "movie-mean", "als", "item-knn"]
    /// Keys every model verb accepts.
    static let keys = [
        "model", "k", "reg", "units", "epochs", "batch", "lr", "optimizer", "validation", "patience", "reg-u", "reg-i", "rank",
        "iterations", "nonnegative", "neighbours", "min-periods",
    ]

    /// Stream number for training seeds; each model name adds its own hash.
    static let seedStream: UInt64 = 0x7_4A11

    /// A seed that depends on the master seed and the model's name only, so adding a model
    /// never changes another's numbers.
    static func seed(_ session: Session, name: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return SplitMix64.derived(session.seed, seedStream ^ hash)
    }

    /// Every combination of the listed values (one when no key lists several).
    static func candidates(_ invocation: Invocation, seed: UInt64, allowLists: Bool) throws(NotebookError) -> [ModelConfig] {
        guard invocation.string("model") != nil else {
            throw invocation.fail("say which model, e.g. model=rsvd (one of \(families.joined(separator: ", ")))")
        }
        let family = try invocation.choice("model", from: families, default: "")
        func values(_ key: String) throws(NotebookError) -> [Double]? {
            guard let text = invocation.string(key) else { return nil }
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard allowLists || parts.count == 1 else {
                throw invocation.fail("\(key) takes one value here; lists like \(key)=5,10 belong in `grid`")
            }
            var numbers: [Double] = []
            for part in parts {
                guard let number = Double(part), number.isFinite else {
                    throw invocation.fail(
                        "\(key) must be a number\(allowLists ? " or a comma-separated list of numbers" : ""), not `\(text)`")
                }
                numbers.append(number)
            }
            return numbers
        }
        func whole(_ key: String, _ fallback: Int) throws(NotebookError) -> [Int] {
            guard let list = try values(key) else { return [fallback] }
            var numbers: [Int] = []
            for value in list {
                guard value == value.rounded(), abs(value) < 1e9 else {
                    throw invocation.fail("\(key) must be a whole number, not \(value)")
                }
                numbers.append(Int(value))
            }
            return numbers
        }
        func decimal(_ key: String, _ fallback: Double) throws(NotebookError) -> [Double] {
            try values(key) ?? [fallback]
        }
        let optimizerName = try invocation.choice(
            "optimizer", from: FactorModelConfig.Optimizer.allCases.map(\.rawValue), default: "adam")
        let optimizer = FactorModelConfig.Optimizer(rawValue: optimizerName) ?? .adam
        let validation = try invocation.double("validation") ?? 0
        let patience = try invocation.string("patience").map { _ throws(NotebookError) in
            try invocation.int("patience", default: 1, range: 1...10_000)
        }
        var configs: [ModelConfig] = []
        switch family {
        case "svd", "rsvd", "neural":
            let kind = FactorModelConfig.Kind(rawValue: family)!
            let defaults: (k: Int, reg: Double, epochs: Int) =
                kind == .svd ? (10, 0, 50) : kind == .rsvd ? (5, 1e-7, 45) : (5, 0.01, 45)
            for k in try whole("k", defaults.k) {
                for reg in try decimal("reg", defaults.reg) {
                    for units in try whole("units", 80) {
                        for epochs in try whole("epochs", defaults.epochs) {
                            for batch in try whole("batch", 10_000) {
                                for lr in try decimal("lr", 0.001) {
                                    configs.append(
                                        .factor(
                                            FactorModelConfig(
                                                kind: kind, factors: k, regularization: Float(reg), hiddenUnits: units,
                                                epochs: epochs,
                                                batchSize: batch, learningRate: Float(lr), optimizer: optimizer,
                                                validationFraction: validation, patience: patience, seed: seed)))
                                }
                            }
                        }
                    }
                }
            }
        case "sgd-svd":
            for k in try whole("k", 100) {
                for reg in try decimal("reg", 0.02) {
                    for epochs in try whole("epochs", 20) {
                        for lr in try decimal("lr", 0.005) {
                            configs.append(
                                .biasedSGD(
                                    BiasedSGDConfig(
                                        factors: k, epochs: epochs, learningRate: Float(lr), regularization: Float(reg),
                                        seed: seed)))
                        }
                    }
                }
            }
        case "baseline":
            for epochs in try whole("epochs", 10) {
                for regU in try decimal("reg-u", 15) {
                    for regI in try decimal("reg-i", 10) {
                        configs.append(
                            .baseline(BaselineConfig(epochs: epochs, userRegularization: regU, movieRegularization: regI)))
                    }
                }
            }
        case "als":
            let nonnegative = try invocation.bool("nonnegative", default: false)
            for rank in try whole("rank", 10) {
                for iterations in try whole("iterations", 10) {
                    for reg in try decimal("reg", 0.1) {
                        configs.append(
                            .als(
                                ALSConfig(
                                    rank: rank, iterations: iterations, regularization: reg, nonnegative: nonnegative, seed: seed)
                            ))
                    }
                }
            }
        case "item-knn":
            for neighbours in try whole("neighbours", 40) {
                for minPeriods in try whole("min-periods", 100) {
                    configs.append(.itemKNN(ItemKNN.Config(neighbours: neighbours, minPeriods: minPeriods)))
                }
            }
        default:
            configs.append(.movieMean)
        }
        guard configs.count <= 200 else {
            throw invocation.fail("that grid has \(configs.count) combinations; keep it to 200 or fewer")
        }
        for config in configs {
            do { try config.validate() } catch { throw invocation.fail("\(error.message) (model=\(family))") }
        }
        return configs
    }

    /// A training error as the notebook shows it.
    static func failure(_ error: TrainingError, _ invocation: Invocation) -> NotebookError {
        invocation.fail(error.description)
    }
}
