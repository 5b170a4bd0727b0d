/// Keras' Adam, exact: each step every parameter's moments decay and every parameter moves,
/// with the L2 term `2λw` added to every embedding row's gradient whether or not the batch rated
/// it (`FactorOptimizer` has the update rule).
///
/// A step visits every row the batch touches once. The batch is split by user into fixed
/// buckets (`BatchGroups`), one per chunk; a worker takes a bucket and, per user, computes its
/// ratings' errors (SVD/RSVD; the neural model's come from `NeuralLayers` first) and sums its
/// gradient, prefetching the next users' rows; the movies follow the same way. For SVD and RSVD,
/// with e = r̂ − r = p_uᵀq_i (+ b_u + b_i + μ for RSVD) − r and δ = 2e / B:
///
///     ∂L/∂p_u = Σ δ q_i,   ∂L/∂q_i = Σ δ p_u,   ∂L/∂b_u = Σ δ,   ∂L/∂b_i = Σ δ,   ∂L/∂μ = Σ δ
///
/// Each row's gradient is summed in rating order and the chunks' dense partials in chunk order,
/// so one thread and many give bit-identical parameters.
final class ExactAdamStep: FactorOptimizer {
    let layout: FactorLayout
    let threads: Int
    let adam: AdamSettings
    /// λ of the embedding tables (0 for SVD).
    let l2: Float
    let maxBatch: Int
    private let store: FactorWeights
    /// Adam's moments and the gradient, one float per parameter, in the weights' order.
    private let first: Memory<Float>
    private let second: Memory<Float>
    private let gradient: Memory<Float>
    /// Per rating in the batch: prediction minus truth.
    private let errors: Memory<Float>
    /// Per rating (SVD and RSVD): `δ p_u`, the movie row's gradient term, computed by
    /// `updateUsers` while it holds the user's row, so `updateMovies` reads it instead of
    /// fetching a random user row again. Unused by the neural model, whose terms are ∂L/∂x.
    private let movieTerms: Memory<Float>
    /// The neural model's dense layers; nil for SVD and RSVD.
    private let neural: NeuralLayers?
    /// Each batch's ratings bucketed and grouped by user, and by movie.
    private let userGroups: BatchGroups
    private let movieGroups: BatchGroups
    private var step = 0
    private let arena = MemoryArena()

    /// RSVD's global bias gets a zero gradient, so Adam never moves it (the article's constant μ).
    let fixesGlobalBias: Bool

    init(
        layout: FactorLayout, initial: [Float], maxBatch: Int, threads: Int, adam: AdamSettings, l2: Float,
        fixesGlobalBias: Bool = false
    ) {
        self.fixesGlobalBias = fixesGlobalBias
        self.layout = layout
        self.threads = threads
        self.adam = adam
        self.l2 = l2
        self.maxBatch = maxBatch
        store = FactorWeights(layout: layout, initial: initial, threads: threads)
        first = arena.allocate(layout.count, repeating: 0, onHugePages: true)
        second = arena.allocate(layout.count, repeating: 0, onHugePages: true)
        gradient = arena.allocate(layout.count, repeating: 0, onHugePages: true)
        errors = arena.allocate(maxBatch, repeating: 0)
        movieTerms = arena.allocate(layout.kind == .neural ? 0 : maxBatch * layout.factors, repeating: 0)
        neural =
            layout.kind == .neural
            ? NeuralLayers(
                layout: layout, maxBatch: maxBatch,
                chunkCapacity: (maxBatch + FactorChunks.count - 1) / FactorChunks.count) : nil
        userGroups = BatchGroups(rows: layout.users, maxBatch: maxBatch, bucketCount: FactorChunks.count)
        movieGroups = BatchGroups(rows: layout.movies, maxBatch: maxBatch, bucketCount: FactorChunks.count)
    }

    var parameters: [Float] { store.parameters }

    /// A copy of the gradient buffer (the data loss's gradient, before the L2 term the
    /// optimiser adds), for tests.
    var gradientSnapshot: [Float] { gradient.array(count: layout.count) }

    func train(
        rows: Range<Int>, users: Memory<Int32>, movies: Memory<Int32>, ratings: Memory<Float>
    ) -> (squared: Double, absolute: Double) {
        step += 1
        let sums = accumulateGradient(rows: rows, users: users, movies: movies, ratings: ratings)
        applyAdam()
        return sums
    }

    func errorSums(
        rows: Range<Int>, users: Memory<Int32>, movies: Memory<Int32>, ratings: Memory<Float>
    ) -> (squared: Double, absolute: Double) {
        store.errorSums(rows: rows, users: users, movies: movies, ratings: ratings)
    }

    func penaltyIfFinite() -> Double? {
        guard store.denseBlockIsFinite, let embeddings = store.flatEmbeddingSquaresIfFinite() else { return nil }
        return l2 > 0 ? Double(l2) * embeddings : 0
    }

    /// Adds the gradient of the batch's mean squared error to the gradient buffer.
    func accumulateGradient(
        rows: Range<Int>, users: Memory<Int32>, movies: Memory<Int32>, ratings: Memory<Float>
    ) -> (squared: Double, absolute: Double) {
        precondition(rows.count > 0 && rows.count <= maxBatch)
        let scale = 2 / Float(rows.count)  // d(mean squared error)/d(prediction) = 2 (p - r) / B
        neural?.forwardBackward(
            rows: rows, weights: store.weights, userRows: store.userRows, movieRows: store.movieRows, users: users,
            movies: movies, ratings: ratings, errors: errors, threads: threads)
        userGroups.bucket(rows.count, ids: users, first: rows.lowerBound)
        updateUsers(rows: rows, users: users, movies: movies, ratings: ratings, scale: scale)
        movieGroups.bucket(rows.count, ids: movies, first: rows.lowerBound)
        updateMovies(rows: rows, movies: movies, scale: scale)
        return finishBatch(count: rows.count, scale: scale)
    }

    /// The batch's error sums; writes the global bias's gradient (RSVD) and adds the chunks'
    /// dense gradients in chunk order (neural).
    private func finishBatch(count: Int, scale: Float) -> (squared: Double, absolute: Double) {
        var squared = 0.0
        var absolute = 0.0
        var globalGradient = 0.0
        for sample in 0..<count {
            let error = errors[sample]
            squared += Double(error) * Double(error)
            absolute += Double(abs(error))
            globalGradient += Double(scale * error)
        }
        if layout.kind == .rsvd { gradient[layout.globalBias.lowerBound] = fixesGlobalBias ? 0 : Float(globalGradient) }
        neural?.addDenseGradients(into: gradient + layout.denseBlock.lowerBound)
        return (squared, absolute)
    }

    /// Every user of the batch in one visit, a bucket per chunk in parallel (`BatchGroups`).
    /// SVD and RSVD compute the user's ratings' errors here, and each rating's movie term for
    /// `updateMovies`; the neural model's ∂L/∂x is already there. Then the user's gradient, in
    /// rating order.
    private func updateUsers(
        rows: Range<Int>, users: Memory<Int32>, movies: Memory<Int32>, ratings: Memory<Float>,
        scale: Float
    ) {
        let layout = self.layout
        let k = layout.factors
        let width = layout.inputWidth
        let rsvd = layout.kind == .rsvd
        let biased = layout.kind != .svd
        let globalBias = rsvd ? store.weights[layout.globalBias.lowerBound] : 0
        let first = rows.lowerBound
        let (errors, movieTerms, inputGradients) = (self.errors, self.movieTerms, neural?.inputGradients)
        let (userRows, movieRows) = (store.userRows, store.movieRows)
        let userGradients = EmbeddingRows(flat: gradient, layout.userFactors, layout.userBias, factors: k)
        let groups = userGroups
        forEachChunk(FactorChunks.count, threads: threads) { chunk in
            let bucket = groups.group(chunk, ids: users, first: first)
            for slot in 0..<bucket.count {
                if slot + FactorChunks.prefetchDistance < bucket.count {
                    let ahead = bucket.row(slot + FactorChunks.prefetchDistance)
                    // The flat tables' row and bias, weights and gradient: four lines.
                    userRows.row(ahead).prefetchForWrite()
                    userGradients.row(ahead).prefetchForWrite()
                    if biased {
                        userRows.bias(ahead).prefetchForWrite()
                        userGradients.bias(ahead).prefetchForWrite()
                    }
                }
                let user = bucket.row(slot)
                let userRow = userRows.row(user)
                let gradientRow = userGradients.row(user)
                let gradientBias = userGradients.bias(user)
                for position in bucket.positions(slot) {
                    let sample = Int(position)
                    if let inputGradients {
                        // The user's slice of x = [q_i, p_u, b_u, b_i].
                        let dx = inputGradients + sample * width
                        VectorKernels.axpy(1, dx + k, gradientRow, k)
                        gradientBias.pointee += dx[2 * k]
                        continue
                    }
                    let row = first + sample
                    let movie = Int(movies[row])
                    let movieRow = movieRows.row(movie)
                    // FactorForward.predict's sums in its order.
                    var prediction = VectorKernels.dot(userRow, movieRow, k)
                    if rsvd {
                        prediction = prediction + userRows.bias(user).pointee + movieRows.bias(movie).pointee + globalBias
                    }
                    let error = prediction - ratings[row]
                    errors[sample] = error
                    let delta = scale * error
                    // The product axpy would form, rounded the same.
                    let term = movieTerms + sample * k
                    for factor in 0..<k { term[factor] = delta * userRow[factor] }
                    VectorKernels.axpy(delta, movieRow, gradientRow, k)
                    if biased { gradientBias.pointee += delta }
                }
            }
        }
    }

    /// Every movie of the batch in one visit, a bucket per chunk in parallel: its gradient from
    /// the errors and terms `updateUsers` (or the dense layers) left, in rating order.
    private func updateMovies(rows: Range<Int>, movies: Memory<Int32>, scale: Float) {
        let layout = self.layout
        let k = layout.factors
        let width = layout.inputWidth
        let biased = layout.kind != .svd
        let first = rows.lowerBound
        let (errors, movieTerms, inputGradients) = (self.errors, self.movieTerms, neural?.inputGradients)
        let movieGradients = EmbeddingRows(flat: gradient, layout.movieFactors, layout.movieBias, factors: k)
        let groups = movieGroups
        forEachChunk(FactorChunks.count, threads: threads) { chunk in
            let bucket = groups.group(chunk, ids: movies, first: first)
            for slot in 0..<bucket.count {
                let movie = bucket.row(slot)
                let gradientRow = movieGradients.row(movie)
                let gradientBias = movieGradients.bias(movie)
                for position in bucket.positions(slot) {
                    let sample = Int(position)
                    if let inputGradients {
                        // The movie's slice of x = [q_i, p_u, b_u, b_i].
                        let dx = inputGradients + sample * width
                        VectorKernels.axpy(1, dx, gradientRow, k)
                        gradientBias.pointee += dx[2 * k + 1]
                        continue
                    }
                    let term = movieTerms + sample * k
                    for factor in 0..<k { gradientRow[factor] += term[factor] }
                    if biased { gradientBias.pointee += scale * errors[sample] }
                }
            }
        }
    }

    /// Adam on every parameter: the embeddings in parallel pieces with the L2 term, then the
    /// dense block without. Elementwise, so any division of the work gives the same bits.
    private func applyAdam() {
        let stepSize = adam.stepSize(at: step)
        let settings = adam
        let embeddingL2 = l2
        let embeddings = 0..<layout.denseBlock.lowerBound
        let (weights, first, second, gradient) = (store.weights, self.first, self.second, self.gradient)
        forEachChunk(FactorChunks.count, threads: threads) { piece in
            let range = evenPiece(piece, of: embeddings.count, pieces: FactorChunks.count)
            guard !range.isEmpty else { return }
            AdamKernel.dense(
                weights: weights, first: first, second: second, gradient: gradient, range: range, l2: embeddingL2,
                settings: settings, stepSize: stepSize)
        }
        AdamKernel.dense(
            weights: store.weights, first: first, second: second, gradient: gradient, range: layout.denseBlock, l2: 0,
            settings: settings, stepSize: stepSize)
    }
}
