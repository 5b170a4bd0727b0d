/// TensorFlow's LazyAdam: a step decays, moves and regularises only the embedding rows the
/// batch looks up, with the L2 term `2λw` on those rows only; the dense block (RSVD's global
/// bias, the neural model's layers) takes a full Adam step (`FactorOptimizer` has the rule).
/// The gradients are `ExactAdamStep`'s.
///
/// The batch's ratings must come grouped by user (`EpochShuffler.Order.groupedByUser`). One
/// parallel pass over `FactorChunks.count` chunks of the batch, cut only between users: per
/// user, its ratings' errors (the neural model's from its dense layers, run over the chunk
/// first), its gradient in rating order and at once its Adam step on its record
/// (`LazyRecords`); the movies' gradients are summed per chunk (`ChunkedRowPartials`). Then,
/// serially: the chunks' sums in chunk order, each movie's Adam step, and the dense block. The
/// chunks depend only on the batch, so one thread and many give the same bits.
final class LazyAdamStep: FactorOptimizer {
    let layout: FactorLayout
    let threads: Int
    let adam: AdamSettings
    /// λ of the embedding rows (0 for SVD).
    let l2: Float
    let maxBatch: Int
    /// The flat weights: the dense block is trained there, the embeddings copied in on demand.
    let store: FactorWeights
    let records: LazyRecords
    /// Adam's moments and the gradient of the dense block only (the embeddings keep theirs in
    /// their records; at 50M ratings flat copies would be gigabytes of zeros).
    private let first: Memory<Float>
    private let second: Memory<Float>
    private let gradient: Memory<Float>
    /// Per rating in the batch (neural model): prediction minus truth.
    let errors: Memory<Float>
    /// The movies' gradient rows, then one row per chunk for the user it is visiting (a user's
    /// gradient is complete within the visit, so it never needs a row of its own).
    private let gradientRows: Memory<Float>
    private let arena = MemoryArena()
    let movieGradients: EmbeddingRows
    /// The movie rows' gradients, summed per chunk.
    let movieParts: ChunkedRowPartials
    /// Eight-lane masks that pick a record's factor lanes and put a 1 in its bias lane.
    let lanes: LazyLanes
    /// The neural model's dense layers; nil for SVD and RSVD.
    let neural: NeuralLayers?
    private var step = 0

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
        records = LazyRecords(layout: layout, weights: store.weights)
        let denseCount = layout.denseBlock.count
        first = arena.allocate(denseCount, repeating: 0, onHugePages: true)
        second = arena.allocate(denseCount, repeating: 0, onHugePages: true)
        gradient = arena.allocate(denseCount, repeating: 0, onHugePages: true)
        errors = arena.allocate(maxBatch, repeating: 0)
        let rowWidth = records.rowWidth
        let gradientCount = layout.movies * rowWidth + FactorChunks.count * Self.chunkGradientStride(rowWidth)
        gradientRows = arena.allocate(gradientCount, repeating: 0)
        movieGradients = EmbeddingRows(
            factors: gradientRows, factorStride: rowWidth, biases: gradientRows + layout.factors, biasStride: rowWidth)
        movieParts = ChunkedRowPartials(
            rows: layout.movies, rowWidth: rowWidth, chunks: FactorChunks.count, maxBatch: maxBatch)
        lanes = LazyLanes(factors: layout.factors, biased: layout.kind != .svd, rowWidth: rowWidth)
        // The chunks end between users, a little past an even split: room for that, so that a
        // chunk rarely needs a second, tiny round of matrix products.
        let evenShare = (maxBatch + FactorChunks.count - 1) / FactorChunks.count
        neural =
            layout.kind == .neural
            ? NeuralLayers(layout: layout, maxBatch: maxBatch, chunkCapacity: evenShare + evenShare / 4 + 1) : nil
    }

    var parameters: [Float] {
        records.synchronize(into: store.weights, threads: threads)
        return store.parameters
    }

    func errorSums(
        rows: Range<Int>, users: Memory<Int32>, movies: Memory<Int32>, ratings: Memory<Float>
    ) -> (squared: Double, absolute: Double) {
        guard !rows.isEmpty else { return (0, 0) }
        records.synchronize(into: store.weights, threads: threads)
        return store.errorSums(rows: rows, users: users, movies: movies, ratings: ratings)
    }

    /// Reads the embeddings from the records, so an epoch without validation never needs the
    /// flat copy.
    func penaltyIfFinite() -> Double? {
        guard store.denseBlockIsFinite, let embeddings = records.squaresIfFinite(threads: threads) else { return nil }
        return l2 > 0 ? Double(l2) * embeddings : 0
    }

    /// One step on the batch at `rows`, whose ratings must come grouped by user.
    func train(
        rows: Range<Int>, users: Memory<Int32>, movies: Memory<Int32>, ratings: Memory<Float>
    ) -> (squared: Double, absolute: Double) {
        precondition(rows.count > 0 && rows.count <= maxBatch)
        assert(Self.isGroupedByUser(rows, users: users), "lazy Adam needs each user's ratings side by side")
        step += 1
        let bounds = Self.chunkBounds(rows, users: users, chunks: FactorChunks.count)
        movieParts.begin()
        let scale = 2 / Float(rows.count)  // d(mean squared error)/d(prediction) = 2 (p - r) / B
        let stepSize = adam.stepSize(at: step)
        var sums = [Double](repeating: 0, count: 3 * FactorChunks.count)
        DisjointWrites.with(&sums) { sums in
            // Handed out as threads free up: a chunk's size follows its users, and the epoch
            // shuffler's background work may hold up either thread.
            let optimizer = UncheckedSendable(self)
            forEachTask(FactorChunks.count, threads: threads) { chunk in
                let optimizer = optimizer.value
                let chunkRows = bounds[chunk]..<bounds[chunk + 1]
                let chunkSums =
                    optimizer.neural != nil
                    ? optimizer.neuralChunkStep(
                        chunk, chunkRows, batch: rows, users: users, movies: movies, ratings: ratings, scale: scale,
                        stepSize: stepSize)
                    : optimizer.factorChunkStep(
                        chunk, chunkRows, users: users, movies: movies, ratings: ratings, scale: scale, stepSize: stepSize)
                sums[3 * chunk] = chunkSums.squared
                sums[3 * chunk + 1] = chunkSums.absolute
                sums[3 * chunk + 2] = chunkSums.bias
            }
        }
        var squared = 0.0
        var absolute = 0.0
        var globalGradient = 0.0
        for chunk in 0..<FactorChunks.count {
            squared += sums[3 * chunk]
            absolute += sums[3 * chunk + 1]
            globalGradient += sums[3 * chunk + 2]
        }
        let (movieRows, movieGradients, rowWidth, l2, settings) = (
            records.movieRows, self.movieGradients, records.rowWidth, self.l2, self.adam
        )
        movieParts.drain(into: { movieGradients.row($0) }) { movie in
            LazyRecords.adam(
                record: movieRows.row(movie), gradient: movieGradients.row(movie), rowWidth: rowWidth, l2: l2,
                settings: settings, stepSize: stepSize)
        }
        stepDenseBlock(globalGradient: globalGradient, stepSize: stepSize)
        return (squared, absolute)
    }

    /// The dense block's gradient (RSVD's global bias: Σ δ; the neural layers: the chunks'
    /// sums in chunk order), then its Adam step, without L2.
    private func stepDenseBlock(globalGradient: Double, stepSize: Float) {
        let base = layout.denseBlock.lowerBound
        if layout.kind == .rsvd {
            gradient[layout.globalBias.lowerBound - base] = fixesGlobalBias ? 0 : Float(globalGradient)
        }
        neural?.addDenseGradients(into: gradient)
        AdamKernel.dense(
            weights: store.weights + base, first: first, second: second, gradient: gradient,
            range: 0..<layout.denseBlock.count, l2: 0, settings: adam, stepSize: stepSize)
    }

    /// Chunk `chunk`'s gradient row for the user it is visiting.
    func chunkGradient(_ chunk: Int) -> Memory<Float> {
        gradientRows + layout.movies * records.rowWidth + chunk * Self.chunkGradientStride(records.rowWidth)
    }

    /// Chunk gradient rows a cache line apart at least: different threads write them.
    private static func chunkGradientStride(_ rowWidth: Int) -> Int { max(rowWidth, 16) }
}
