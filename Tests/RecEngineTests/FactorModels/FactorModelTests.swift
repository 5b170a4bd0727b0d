import Foundation
import Testing

@testable import RecEngine

/// Small rating problems with a known answer, shared by the model tests.
enum ModelFixtures {
    /// `users × movies` ratings from hidden factors: r = 3 + b_u + b_i + p_u·q_i + noise,
    /// a `density` share of the pairs observed, rows in a seeded random order.
    static func known(
        users: Int = 150, movies: Int = 80, factors: Int = 3, density: Double = 0.35, noise: Double = 0.1, seed: UInt64 = 7
    ) -> RatingsTable {
        var generator = SplitMix64(seed: seed)
        let p = (0..<users * factors).map { _ in generator.nextGaussian() * 0.6 }
        let q = (0..<movies * factors).map { _ in generator.nextGaussian() * 0.6 }
        let bu = (0..<users).map { _ in generator.nextGaussian() * 0.3 }
        let bi = (0..<movies).map { _ in generator.nextGaussian() * 0.3 }
        var rows: [(Int32, Int32, Float)] = []
        for user in 0..<users {
            for movie in 0..<movies where generator.nextUnit() < density {
                var value = 3 + bu[user] + bi[movie] + generator.nextGaussian() * noise
                for f in 0..<factors { value += p[user * factors + f] * q[movie * factors + f] }
                rows.append((Int32(user), Int32(movie), Float(value)))
            }
        }
        let order = RatingSplit.permutation(rows.count, seed: seed &+ 1)
        let shuffled = order.map { rows[$0] }
        return RatingsTable(
            users: shuffled.map(\.0), movies: shuffled.map(\.1), ratings: shuffled.map(\.2),
            userIds: IdMap(orderedRawIds: (0..<users).map(String.init)),
            movieIds: IdMap(orderedRawIds: (0..<movies).map(String.init)))
    }
}

extension ModelFixtures {
    /// `body` on the table's three columns, as the trainers read them.
    static func withColumns<Result>(
        _ table: RatingsTable,
        _ body: (Memory<Int32>, Memory<Int32>, Memory<Float>) -> Result
    ) -> Result {
        Memory.reading(table.users) { users in
            Memory.reading(table.movies) { movies in
                Memory.reading(table.ratings) { ratings in
                    body(users, movies, ratings)
                }
            }
        }
    }
}

@Suite struct FactorModelTests {
    static let kinds = FactorModelConfig.Kind.allCases

    /// Mean squared error of the batch `rows` for the given parameters, in Double.
    private func batchLoss(_ parameters: [Float], _ layout: FactorLayout, _ table: RatingsTable, _ rows: [Int]) -> Double {
        var scratch = [Float](repeating: 0, count: layout.inputWidth + layout.hiddenUnits)
        var total = 0.0
        Memory.reading(parameters) { weights in
            Memory.with(&scratch) { scratch in
                for row in rows {
                    let prediction = FactorForward.predict(
                        weights, layout, user: Int(table.users[row]), movie: Int(table.movies[row]),
                        scratch: scratch)
                    let error = Double(prediction) - Double(table.ratings[row])
                    total += error * error
                }
            }
        }
        return total / Double(rows.count)
    }

    @Test(arguments: kinds)
    func gradientsMatchFiniteDifferences(kind: FactorModelConfig.Kind) {
        let table = ModelFixtures.known(users: 12, movies: 9, density: 0.6)
        // 43 hidden units: the neural kernel's blocks of 32 and of 8 units and its scalar tail; an
        // odd batch: its pairs of ratings and a single one.
        let layout = FactorLayout(kind: kind, users: 12, movies: 9, factors: 4, hiddenUnits: 43)
        var parameters = FactorTrainer.initialParameters(layout, seed: 3)
        // Bigger weights than Keras' init so that every gradient is well above Float noise.
        for index in 0..<layout.denseBlock.lowerBound { parameters[index] *= 10 }
        let rows = Array(0..<min(41, table.count))
        let workspace = ExactAdamStep(
            layout: layout, initial: parameters, maxBatch: rows.count, threads: 2, adam: AdamSettings(), l2: 0)
        let gradient = ModelFixtures.withColumns(table) { users, movies, ratings in
            _ = workspace.accumulateGradient(rows: 0..<rows.count, users: users, movies: movies, ratings: ratings)
            return workspace.gradientSnapshot
        }
        func centralDifference(_ index: Int, _ step: Float) -> Double {
            var plus = parameters
            var minus = parameters
            plus[index] += step
            minus[index] -= step
            return (batchLoss(plus, layout, table, rows) - batchLoss(minus, layout, table, rows))
                / Double(plus[index] - minus[index])
        }
        var checked = 0
        var nonZero = 0
        var kinks = 0
        for index in 0..<layout.count {
            let step: Float = kind == .neural ? 1e-3 : 1e-2
            let numeric = centralDifference(index, step)
            // Central differences on Float parameters: tolerance 2% of the larger value plus 1e-3.
            let tolerance = 0.02 * max(abs(numeric), Double(abs(gradient[index]))) + 1e-3
            // A ReLU unit of some rating switching within the step bends the loss there and the
            // difference means nothing; a quarter step that disagrees with the full one shows it.
            if kind == .neural && abs(centralDifference(index, step / 4) - numeric) > tolerance {
                kinks += 1
                continue
            }
            #expect(abs(numeric - Double(gradient[index])) <= tolerance, "parameter \(index) of \(kind)")
            checked += 1
            if abs(numeric) > 1e-3 { nonZero += 1 }
        }
        #expect(kinks <= layout.count / 50, "\(kinks) of \(layout.count) parameters sit at a kink")
        #expect(checked + kinks == layout.count)
        #expect(nonZero > layout.count / 4, "the check must cover real gradients, not zeros")
    }

    @Test(arguments: kinds, FactorModelConfig.Optimizer.allCases)
    func sameSeedSameModelOnOneAndTwoThreads(kind: FactorModelConfig.Kind, optimizer: FactorModelConfig.Optimizer) throws {
        let table = ModelFixtures.known()
        let config = FactorModelConfig(
            kind: kind, factors: 5, regularization: 1e-3, hiddenUnits: 16, epochs: 3, batchSize: 500, learningRate: 0.01,
            optimizer: optimizer, validationFraction: 0.2, seed: 11)
        let one = try FactorTrainer.fit(config, on: table, threads: 1)
        let two = try FactorTrainer.fit(config, on: table, threads: 2)
        let four = try FactorTrainer.fit(config, on: table, threads: 4)
        #expect(one.parameters == two.parameters)
        #expect(one.parameters == four.parameters)
        #expect(one.history.epochs.map(\.trainLoss) == two.history.epochs.map(\.trainLoss))
        let other = try FactorTrainer.fit(config.with { $0.seed = 12 }, on: table, threads: 2)
        #expect(other.parameters != one.parameters, "another seed must give another model")
    }

    @Test(arguments: kinds)
    func oneLazyStepMovesRowsAsOneExactStep(kind: FactorModelConfig.Kind) {
        // In the first step every row's moments are zero, so Keras' dense Adam and lazy Adam move
        // a row alike whenever the row has a rating (this fixture rates every user and movie). This
        // pins lazy Adam's own path (per user in one visit, movies summed per chunk) to the exact
        // path, whose gradients the finite differences check. With beta1 = beta2 = 0 and
        // epsilon = 1 a step is w -= g / (|g| + 1), so the moves compare the gradients themselves;
        // the two paths add in different orders, hence the tolerance.
        let table = ModelFixtures.known(users: 40, movies: 30)
        let byUser = table.subset((0..<table.count).sorted { (table.users[$0], $0) < (table.users[$1], $1) })
        let layout = FactorLayout(kind: kind, users: 40, movies: 30, factors: 5, hiddenUnits: 40)
        let initial = FactorTrainer.initialParameters(layout, seed: 11)
        let settings = AdamSettings(learningRate: 1, beta1: 0, beta2: 0, epsilon: 1)
        func step(lazy: Bool) -> [Float] {
            let workspace: any FactorOptimizer =
                lazy
                ? LazyAdamStep(layout: layout, initial: initial, maxBatch: byUser.count, threads: 2, adam: settings, l2: 1e-3)
                : ExactAdamStep(layout: layout, initial: initial, maxBatch: byUser.count, threads: 2, adam: settings, l2: 1e-3)
            ModelFixtures.withColumns(byUser) { users, movies, ratings in
                _ = workspace.train(rows: 0..<byUser.count, users: users, movies: movies, ratings: ratings)
            }
            return workspace.parameters
        }
        let exact = step(lazy: false)
        let lazy = step(lazy: true)
        var moved = 0
        for index in 0..<layout.count {
            let (exactMove, lazyMove) = (Double(initial[index] - exact[index]), Double(initial[index] - lazy[index]))
            #expect(abs(exactMove - lazyMove) <= 1e-5 + 1e-4 * abs(exactMove), "parameter \(index) of \(kind)")
            if abs(exactMove) > 1e-4 { moved += 1 }
        }
        #expect(moved > layout.count / 2, "the step must move most parameters")
    }

    @Test func rsvdRecoversKnownFactors() throws {
        let table = ModelFixtures.known(noise: 0.1)
        let split = RatingSplit.holdout(rows: table.count, testFraction: 0.2, seed: 1)
        let train = table.subset(split.train)
        let test = table.subset(split.test)
        let config = FactorModelConfig(
            kind: .rsvd, factors: 3, regularization: 1e-4, epochs: 150, batchSize: 64, learningRate: 0.01,
            optimizer: .lazyAdam, seed: 5)
        let model = try FactorTrainer.fit(config, on: train)
        let score = HeldOutEvaluation.errors(model, train: train, test: test)
        // Noise is 0.1; a model that found the factors lands near it, the biases alone near 0.6.
        #expect(score.rmse < 0.2, "test RMSE \(score.rmse)")
    }

    @Test func neuralLearnsTheKnownProblem() throws {
        let table = ModelFixtures.known(noise: 0.1)
        let split = RatingSplit.holdout(rows: table.count, testFraction: 0.2, seed: 1)
        let train = table.subset(split.train)
        let test = table.subset(split.test)
        let baseline = try BaselineModel.fit(BaselineConfig(), on: train)
        let config = FactorModelConfig(
            kind: .neural, factors: 3, regularization: 1e-5, hiddenUnits: 32, epochs: 150, batchSize: 64, learningRate: 0.005,
            optimizer: .lazyAdam, seed: 5)
        let model = try FactorTrainer.fit(config, on: train)
        let neural = HeldOutEvaluation.errors(model, train: train, test: test).rmse
        let biases = HeldOutEvaluation.errors(baseline, train: train, test: test).rmse
        #expect(neural < 0.75 * biases, "neural \(neural) vs biases only \(biases)")
    }

    @Test(arguments: kinds)
    func saveThenLoadGivesIdenticalPredictions(kind: FactorModelConfig.Kind) throws {
        let table = ModelFixtures.known(users: 30, movies: 20)
        let config = FactorModelConfig(kind: kind, factors: 4, regularization: 0.01, hiddenUnits: 8, epochs: 2, batchSize: 50)
        let model = try FactorTrainer.fit(config, on: table)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("recbook-\(UUID().uuidString).model").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.save(to: path)
        let loaded = try FactorModel.load(from: path)
        #expect(loaded.parameters == model.parameters)
        #expect(loaded.config == model.config)
        #expect(loaded.history == model.history)
        for user in 0..<30 {
            for movie in 0..<20 {
                let original = try? model.estimate(user: user, movie: movie)
                let reread = try? loaded.estimate(user: user, movie: movie)
                #expect(original == reread)
            }
        }
    }

    /// The blob is the parameters as little-endian Float32, bit for bit (negative zero and NaN
    /// payloads too), then the seen flags: what older recbooks wrote and read.
    @Test func theBlobHoldsEveryParameterBitForBit() throws {
        let config = FactorModelConfig(kind: .svd, factors: 1)
        let layout = FactorLayout(kind: .svd, users: 2, movies: 1, factors: 1, hiddenUnits: 0)
        let parameters: [Float] = [1.5, -0.0, Float(bitPattern: 0x7FC0_1234)]
        #expect(layout.count == parameters.count)
        let model = FactorModel(
            config: config, layout: layout, parameters: parameters, seenUsers: [true, false], seenMovies: [true],
            history: TrainingHistory(epochs: []))
        let data = model.encoded()
        let blob = [UInt8](data[(data.firstIndex(of: 0x0A)! + 1)...])
        #expect(Array(blob.prefix(4)) == [0x00, 0x00, 0xC0, 0x3F])
        #expect(Array(blob[4..<8]) == [0x00, 0x00, 0x00, 0x80])
        #expect(Array(blob[8..<12]) == [0x34, 0x12, 0xC0, 0x7F])
        #expect(Array(blob.suffix(3)) == [1, 0, 1])
        let restored = try FactorModel.decode(data, path: "m.model")
        #expect(restored.parameters.map(\.bitPattern) == parameters.map(\.bitPattern))
        #expect(restored.seenUsers == [true, false] && restored.seenMovies == [true])
    }

    @Test func truncatedModelFileIsAnError() throws {
        let table = ModelFixtures.known(users: 10, movies: 8)
        let model = try FactorTrainer.fit(FactorModelConfig(kind: .svd, factors: 2, epochs: 1), on: table)
        let data = model.encoded()
        #expect(throws: ModelFileError.self) { try FactorModel.decode(data.dropLast(3), path: "m.model") }
        #expect(throws: ModelFileError.self) { try FactorModel.decode(Data("hello".utf8), path: "m.model") }
    }

    @Test(arguments: kinds)
    func divergingLearningRateIsAnErrorNotNaN(kind: FactorModelConfig.Kind) {
        let table = ModelFixtures.known(users: 40, movies: 30)
        let config = FactorModelConfig(kind: kind, factors: 4, hiddenUnits: 8, epochs: 5, batchSize: 50, learningRate: 1e20)
        #expect {
            _ = try FactorTrainer.fit(config, on: table)
        } throws: { error in
            guard case TrainingError.diverged(let epoch, _) = error else { return false }
            return epoch >= 1 && "\(error)".contains("smaller learning rate")
        }
    }

    @Test func invalidSettingsAreRejected() {
        let table = ModelFixtures.known(users: 10, movies: 8)
        #expect(throws: TrainingError.self) { try FactorTrainer.fit(FactorModelConfig(kind: .svd, factors: 0), on: table) }
        #expect(throws: TrainingError.self) {
            try FactorTrainer.fit(FactorModelConfig(kind: .rsvd, validationFraction: 0, patience: 2), on: table)
        }
    }

    @Test func earlyStoppingEndsBeforeTheLastEpoch() throws {
        let table = ModelFixtures.known(users: 40, movies: 30, noise: 1.5)
        // A large learning rate on noisy data overfits fast, so validation loss turns up.
        let config = FactorModelConfig(
            kind: .rsvd, factors: 20, epochs: 200, batchSize: 32, learningRate: 0.05, validationFraction: 0.3, patience: 2)
        let model = try FactorTrainer.fit(config, on: table)
        #expect(model.history.stoppedEarly)
        #expect(model.history.epochs.count < 200)
    }

    @Test func unseenUsersAndMoviesAreUnknown() throws {
        var table = ModelFixtures.known(users: 10, movies: 8)
        table.userIds = IdMap(orderedRawIds: (0..<11).map(String.init))
        let model = try FactorTrainer.fit(FactorModelConfig(kind: .rsvd, factors: 2, epochs: 1), on: table)
        #expect(throws: EstimateError.unknownUser(10)) { try model.estimate(user: 10, movie: 0) }
        #expect(throws: EstimateError.unknownMovie(99)) { try model.estimate(user: 0, movie: 99) }
    }
}

extension FactorModelConfig {
    func with(_ change: (inout FactorModelConfig) -> Void) -> FactorModelConfig {
        var copy = self
        change(&copy)
        return copy
    }
}
