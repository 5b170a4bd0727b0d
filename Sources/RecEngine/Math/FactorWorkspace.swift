/// The mutable state of one factor-model training run: parameters, Adam moments, gradient and
/// per-batch scratch, in buffers allocated once. `FactorTrainer` drives it batch by batch.
///
/// Determinism: a batch is cut into `chunkCount` fixed chunks whatever the thread count; each
/// chunk writes only its own rows of the per-rating buffers and its own partial dense
/// gradient; embedding gradients are then added in rating order and the partials in chunk
/// order, so one thread and many give bit-identical parameters.
final class FactorWorkspace {
    static let chunkCount = 16

    let layout: FactorLayout
    let threads: Int
    let adam: AdamSettings
    let lazy: Bool
    /// L2 coefficient of the embedding tables (0 for SVD).
    let l2: Float

    let weights: UnsafeMutablePointer<Float>
    private let first: UnsafeMutablePointer<Float>
    private let second: UnsafeMutablePointer<Float>
    private let gradient: UnsafeMutablePointer<Float>
    private let maxBatch: Int
    /// Per rating in the batch: prediction minus truth.
    private let errors: UnsafeMutablePointer<Float>
    /// Per rating (neural only): dLoss/dx, `inputWidth` floats each.
    private let inputGradients: UnsafeMutablePointer<Float>
    /// Per chunk (neural only): partial gradient of the dense block.
    private let denseParts: UnsafeMutablePointer<Float>
    private let scratch: UnsafeMutablePointer<Float>
    private let scratchWidth: Int
    private var userStamp: [Int32]
    private var movieStamp: [Int32]
    private var touchedUsers: [Int32] = []
    private var touchedMovies: [Int32] = []
    private(set) var step = 0

    init(layout: FactorLayout, initial: [Float], maxBatch: Int, threads: Int, adam: AdamSettings, lazy: Bool, l2: Float) {
        precondition(initial.count == layout.count)
        self.layout = layout
        self.threads = threads
        self.adam = adam
        self.lazy = lazy
        self.l2 = l2
        self.maxBatch = maxBatch
        weights = .allocate(capacity: layout.count)
        weights.initialize(from: initial, count: layout.count)
        first = .allocate(capacity: layout.count)
        first.initialize(repeating: 0, count: layout.count)
        second = .allocate(capacity: layout.count)
        second.initialize(repeating: 0, count: layout.count)
        gradient = .allocate(capacity: layout.count)
        gradient.initialize(repeating: 0, count: layout.count)
        errors = .allocate(capacity: maxBatch)
        errors.initialize(repeating: 0, count: maxBatch)
        let neural = layout.kind == .neural
        inputGradients = .allocate(capacity: neural ? maxBatch * layout.inputWidth : 1)
        inputGradients.initialize(repeating: 0, count: neural ? maxBatch * layout.inputWidth : 1)
        let denseCount = layout.denseBlock.count
        denseParts = .allocate(capacity: max(1, denseCount * Self.chunkCount))
        denseParts.initialize(repeating: 0, count: max(1, denseCount * Self.chunkCount))
        scratchWidth = layout.inputWidth + layout.hiddenUnits
        scratch = .allocate(capacity: scratchWidth * Self.chunkCount)
        scratch.initialize(repeating: 0, count: scratchWidth * Self.chunkCount)
        userStamp = Array(repeating: -1, count: layout.users)
        movieStamp = Array(repeating: -1, count: layout.movies)
    }

    deinit {
        for buffer in [weights, first, second, gradient, errors, inputGradients, denseParts, scratch] {
            buffer.deallocate()
        }
    }

    var parameters: [Float] { Array(UnsafeBufferPointer(start: weights, count: layout.count)) }

    /// One optimiser step on the ratings at `rows` of the three columns (the trainer gathers
    /// each epoch's shuffled order into contiguous columns, so a batch is a range). Returns the
    /// batch's sums of squared and absolute errors.
    func train(
        rows: Range<Int>, users: UnsafePointer<Int32>, movies: UnsafePointer<Int32>, ratings: UnsafePointer<Float>
    ) -> (squared: Double, absolute: Double) {
        step += 1
        let sums = accumulateGradient(rows: rows, users: users, movies: movies, ratings: ratings)
        applyAdam()
        return sums
    }

    /// A copy of the gradient buffer (the data loss's gradient, before the L2 term the
    /// optimiser adds), for tests.
    var gradientSnapshot: [Float] { Array(UnsafeBufferPointer(start: gradient, count: layout.count)) }

    /// Adds the gradient of the batch's mean squared error to the gradient buffer.
    func accumulateGradient(
        rows: Range<Int>, users: UnsafePointer<Int32>, movies: UnsafePointer<Int32>, ratings: UnsafePointer<Float>
    ) -> (squared: Double, absolute: Double) {
        let count = rows.count
        precondition(count > 0 && count <= maxBatch)
        let layout = self.layout
        let weights = UnsafePointer(self.weights)
        let errors = self.errors
        let inputGradients = self.inputGradients
        let denseParts = self.denseParts
        let scratch = self.scratch
        let scratchWidth = self.scratchWidth
        let denseCount = layout.denseBlock.count
        let width = layout.inputWidth
        let neural = layout.kind == .neural
        let scale = 2 / Float(count)  // d(mean squared error)/d(prediction) = 2 (p - r) / B
        let chunkSize = (count + Self.chunkCount - 1) / Self.chunkCount
        let first = rows.lowerBound
        do {
            forEachChunk(Self.chunkCount, threads: threads) { chunk in
                let mine = scratch + chunk * scratchWidth
                let part = denseParts + chunk * denseCount
                if neural { part.update(repeating: 0, count: denseCount) }
                let lower = chunk * chunkSize
                let upper = min(count, lower + chunkSize)
                guard lower < upper else { return }
                for sample in lower..<upper {
                    let row = first + sample
                    let user = Int(users[row])
                    let movie = Int(movies[row])
                    let error = FactorForward.predict(weights, layout, user: user, movie: movie, scratch: mine) - ratings[row]
                    errors[sample] = error
                    if neural {
                        FactorForward.backwardNeural(
                            weights, layout, delta: scale * error, scratch: mine, denseGradient: part,
                            inputGradient: inputGradients + sample * width)
                    }
                }
            }
        }
        // Embedding gradients, added in rating order.
        var squared = 0.0
        var absolute = 0.0
        let k = layout.factors
        let stamp = Int32(truncatingIfNeeded: step)
        // Locals, not properties, in the loop: no exclusivity checks per rating.
        var touchedUsers = self.touchedUsers
        var touchedMovies = self.touchedMovies
        var userStamp = self.userStamp
        var movieStamp = self.movieStamp
        self.touchedUsers = []
        self.touchedMovies = []
        self.userStamp = []
        self.movieStamp = []
        touchedUsers.removeAll(keepingCapacity: true)
        touchedMovies.removeAll(keepingCapacity: true)
        let gradient = self.gradient
        let lazy = self.lazy
        var globalGradient = 0.0
        var sample = 0
        for row in rows {
            let error = errors[sample]
            squared += Double(error) * Double(error)
            absolute += Double(abs(error))
            let user = Int(users[row])
            let movie = Int(movies[row])
            if lazy {
                if userStamp[user] != stamp {
                    userStamp[user] = stamp
                    touchedUsers.append(Int32(user))
                }
                if movieStamp[movie] != stamp {
                    movieStamp[movie] = stamp
                    touchedMovies.append(Int32(movie))
                }
            }
            let userRow = layout.userFactors.lowerBound + user * k
            let movieRow = layout.movieFactors.lowerBound + movie * k
            if neural {
                let dx = inputGradients + sample * width
                VectorKernels.axpy(1, dx, gradient + movieRow, k)
                VectorKernels.axpy(1, dx + k, gradient + userRow, k)
                gradient[layout.userBias.lowerBound + user] += dx[2 * k]
                gradient[layout.movieBias.lowerBound + movie] += dx[2 * k + 1]
            } else {
                let delta = scale * error
                VectorKernels.axpy(delta, weights + movieRow, gradient + userRow, k)
                VectorKernels.axpy(delta, weights + userRow, gradient + movieRow, k)
                if layout.kind == .rsvd {
                    gradient[layout.userBias.lowerBound + user] += delta
                    gradient[layout.movieBias.lowerBound + movie] += delta
                    globalGradient += Double(delta)
                }
            }
            sample += 1
        }
        self.touchedUsers = touchedUsers
        self.touchedMovies = touchedMovies
        self.userStamp = userStamp
        self.movieStamp = movieStamp
        if layout.kind == .rsvd { gradient[layout.globalBias.lowerBound] = Float(globalGradient) }
        if neural {
            let base = layout.denseBlock.lowerBound
            for chunk in 0..<Self.chunkCount {
                VectorKernels.axpy(1, denseParts + chunk * denseCount, gradient + base, denseCount)
            }
        }
        return (squared, absolute)
    }

    /// Sums of squared and absolute errors of the current parameters on `rows`.
    func errorSums(
        rows: Range<Int>, users: UnsafePointer<Int32>, movies: UnsafePointer<Int32>, ratings: UnsafePointer<Float>
    ) -> (squared: Double, absolute: Double) {
        guard !rows.isEmpty else { return (0, 0) }
        let layout = self.layout
        let weights = UnsafePointer(self.weights)
        let scratch = self.scratch
        let scratchWidth = self.scratchWidth
        var sums = [Double](repeating: 0, count: 2 * Self.chunkCount)
        let chunkSize = (rows.count + Self.chunkCount - 1) / Self.chunkCount
        sums.withUnsafeMutableBufferPointer { sums in
            let sums = UncheckedSendable(sums.baseAddress!)
            forEachChunk(Self.chunkCount, threads: threads) { chunk in
                let lower = rows.lowerBound + chunk * chunkSize
                let upper = min(rows.upperBound, lower + chunkSize)
                guard lower < upper else { return }
                var squared = 0.0
                var absolute = 0.0
                for row in lower..<upper {
                    let error = Double(
                        FactorForward.predict(
                            weights, layout, user: Int(users[row]), movie: Int(movies[row]),
                            scratch: scratch + chunk * scratchWidth) - ratings[row])
                    squared += error * error
                    absolute += abs(error)
                }
                sums.value[2 * chunk] = squared
                sums.value[2 * chunk + 1] = absolute
            }
        }
        var squared = 0.0
        var absolute = 0.0
        for chunk in 0..<Self.chunkCount {
            squared += sums[2 * chunk]
            absolute += sums[2 * chunk + 1]
        }
        return (squared, absolute)
    }

    /// `l2 * sum(w^2)` over the embedding tables: the loss Keras' regularisers add.
    func penalty() -> Double {
        guard l2 > 0 else { return 0 }
        var total = 0.0
        for index in 0..<layout.denseBlock.lowerBound {
            total += Double(weights[index]) * Double(weights[index])
        }
        return Double(l2) * total
    }

    /// False when any parameter is NaN or infinite.
    func allFinite() -> Bool {
        for index in 0..<layout.count where !weights[index].isFinite { return false }
        return true
    }

    private func applyAdam() {
        let stepSize = adam.stepSize(at: step)
        let settings = adam
        let weights = self.weights
        let first = self.first
        let second = self.second
        let gradient = self.gradient
        let layout = self.layout
        let embeddingL2 = l2
        if lazy {
            let k = layout.factors
            for user in touchedUsers {
                let row = layout.userFactors.lowerBound + Int(user) * k
                AdamKernel.dense(
                    weights: weights, first: first, second: second, gradient: gradient, range: row..<row + k, l2: embeddingL2,
                    settings: settings, stepSize: stepSize)
                if !layout.userBias.isEmpty {
                    let bias = layout.userBias.lowerBound + Int(user)
                    AdamKernel.dense(
                        weights: weights, first: first, second: second, gradient: gradient, range: bias..<bias + 1,
                        l2: embeddingL2, settings: settings, stepSize: stepSize)
                }
            }
            for movie in touchedMovies {
                let row = layout.movieFactors.lowerBound + Int(movie) * k
                AdamKernel.dense(
                    weights: weights, first: first, second: second, gradient: gradient, range: row..<row + k, l2: embeddingL2,
                    settings: settings, stepSize: stepSize)
                if !layout.movieBias.isEmpty {
                    let bias = layout.movieBias.lowerBound + Int(movie)
                    AdamKernel.dense(
                        weights: weights, first: first, second: second, gradient: gradient, range: bias..<bias + 1,
                        l2: embeddingL2, settings: settings, stepSize: stepSize)
                }
            }
            AdamKernel.dense(
                weights: weights, first: first, second: second, gradient: gradient, range: layout.denseBlock, l2: 0,
                settings: settings, stepSize: stepSize)
            return
        }
        // Dense: every parameter moves. Elementwise, so any division of the work gives the same bits.
        let embeddings = 0..<layout.denseBlock.lowerBound
        let pieces = Self.chunkCount
        let pieceSize = (embeddings.count + pieces - 1) / pieces
        let shared = UncheckedSendable((weights, first, second, gradient))
        forEachChunk(pieces, threads: threads) { piece in
            let (weights, first, second, gradient) = shared.value
            let lower = piece * pieceSize
            let upper = min(embeddings.upperBound, lower + pieceSize)
            guard lower < upper else { return }
            AdamKernel.dense(
                weights: weights, first: first, second: second, gradient: gradient, range: lower..<upper, l2: embeddingL2,
                settings: settings, stepSize: stepSize)
        }
        AdamKernel.dense(
            weights: weights, first: first, second: second, gradient: gradient, range: layout.denseBlock, l2: 0,
            settings: settings, stepSize: stepSize)
    }
}
