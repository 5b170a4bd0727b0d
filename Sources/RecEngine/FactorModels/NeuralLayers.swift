import CIntrinsics

/// The neural model's dense layers, forward and backward, over chunks of a batch. For a rating
/// of movie i by user u, with `x = [q_i, p_u, b_u, b_i]` (2k + 2 inputs, the embeddings'
/// rows side by side):
///
///     h = relu(W₁ᵀ x + c₁)        r̂ = w₂ · h + c₂
///
/// and, with δ = ∂L/∂r̂ = 2 (r̂ − r) / B for the batch's mean squared error,
///
///     ∂L/∂w₂ = δ h,  ∂L/∂c₂ = δ,  ∂L/∂c₁ = δ w₂ ⊙ 1[h > 0],  ∂L/∂W₁ = x (∂L/∂c₁)ᵀ,
///     ∂L/∂x = W₁ ∂L/∂c₁
///
/// The embeddings' gradients are then ∂L/∂x's slices, summed per row by the optimiser.
/// Each chunk gathers its ratings' `x` into its own layer buffer, then runs the layers rating by
/// rating in one C kernel (`recbook_neural_rows`) that adds into the chunk's own dense gradient;
/// the chunks' gradients are added in chunk order, so the sum never depends on the threads.
final class NeuralLayers {
    let layout: FactorLayout
    /// Most ratings a chunk's layer buffer holds; longer chunks run in pieces.
    let chunkCapacity: Int
    /// Per rating in the batch: ∂L/∂x, `inputWidth` floats each.
    let inputGradients: Memory<Float>
    /// Per chunk: its partial gradient of the dense block.
    private let denseParts: Memory<Float>
    /// Per chunk (`layerStride` floats): the inputs `x` (`chunkCapacity` × `inputWidth`) and
    /// room for two hidden layers (`recbook_neural_rows`' scratch).
    private let layers: Memory<Float>
    private let arena = MemoryArena()

    var layerStride: Int { chunkCapacity * layout.inputWidth + 2 * layout.hiddenUnits }

    init(layout: FactorLayout, maxBatch: Int, chunkCapacity: Int) {
        precondition(layout.kind == .neural)
        self.layout = layout
        self.chunkCapacity = chunkCapacity
        inputGradients = arena.allocate(maxBatch * layout.inputWidth, repeating: 0)
        let denseCount = layout.denseBlock.count
        denseParts = arena.allocate(denseCount * FactorChunks.count, repeating: 0)
        let layerCount = FactorChunks.count * (chunkCapacity * layout.inputWidth + 2 * layout.hiddenUnits)
        layers = arena.allocate(layerCount, repeating: 0)
    }

    /// Chunk `chunk`'s partial gradient of the dense block (indexed from `denseBlock.lowerBound`).
    func denseGradient(_ chunk: Int) -> Memory<Float> { denseParts + chunk * layout.denseBlock.count }

    /// Adds the chunks' dense gradients, in chunk order, to `gradient` (the dense block's).
    func addDenseGradients(into gradient: Memory<Float>) {
        let denseCount = layout.denseBlock.count
        for chunk in 0..<FactorChunks.count {
            VectorKernels.axpy(1, denseParts + chunk * denseCount, gradient, denseCount)
        }
    }

    /// The whole batch at `rows`, in even chunks in parallel (exact Adam): each rating's error
    /// and ∂L/∂x, each chunk's dense gradient (zeroed first).
    func forwardBackward(
        rows: Range<Int>, weights: Memory<Float>, userRows: EmbeddingRows, movieRows: EmbeddingRows,
        users: Memory<Int32>, movies: Memory<Int32>, ratings: Memory<Float>,
        errors: Memory<Float>, threads: Int
    ) {
        let count = rows.count
        let denseCount = layout.denseBlock.count
        let scale = 2 / Float(count)
        forEachChunk(FactorChunks.count, threads: threads) { chunk in
            let part = denseParts + chunk * denseCount
            part.update(repeating: 0, count: denseCount)
            let samples = evenPiece(chunk, of: count, pieces: FactorChunks.count)
            guard !samples.isEmpty else { return }
            run(
                chunk, samples: samples, first: rows.lowerBound, weights: weights, userRows: userRows,
                movieRows: movieRows, users: users, movies: movies, ratings: ratings, scale: scale, errors: errors,
                denseGradient: part)
        }
    }

    /// One chunk `rows` of the batch `batch` (lazy Adam, whose chunks end between users), in
    /// pieces that fit the chunk's layer buffer; its dense gradient is zeroed first.
    func forwardBackward(
        chunk: Int, rows: Range<Int>, batch: Range<Int>, weights: Memory<Float>, userRows: EmbeddingRows,
        movieRows: EmbeddingRows, users: Memory<Int32>, movies: Memory<Int32>,
        ratings: Memory<Float>, scale: Float, errors: Memory<Float>
    ) {
        let denseGradient = self.denseGradient(chunk)
        denseGradient.update(repeating: 0, count: layout.denseBlock.count)
        var lower = rows.lowerBound
        while lower < rows.upperBound {
            let upper = min(rows.upperBound, lower + chunkCapacity)
            run(
                chunk, samples: (lower - batch.lowerBound)..<(upper - batch.lowerBound), first: batch.lowerBound,
                weights: weights, userRows: userRows, movieRows: movieRows, users: users, movies: movies,
                ratings: ratings, scale: scale, errors: errors, denseGradient: denseGradient)
            lower = upper
        }
    }

    /// The forward and backward pass over `samples` (positions in the batch starting at row
    /// `first`, at most `chunkCapacity`) in chunk `chunk`'s layer buffer: gathers each rating's
    /// `x`, then runs the dense layers. Writes each sample's error and ∂L/∂x and adds to
    /// `denseGradient`.
    private func run(
        _ chunk: Int, samples: Range<Int>, first: Int, weights: Memory<Float>, userRows: EmbeddingRows,
        movieRows: EmbeddingRows, users: Memory<Int32>, movies: Memory<Int32>,
        ratings: Memory<Float>, scale: Float, errors: Memory<Float>,
        denseGradient: Memory<Float>
    ) {
        let layout = self.layout
        let k = layout.factors
        let width = layout.inputWidth
        let count = samples.count
        let x = layers + chunk * layerStride
        let hidden = x + count * width
        let base = layout.denseBlock.lowerBound
        for index in 0..<count {
            let row = first + samples.lowerBound + index
            // The user rows are scattered over megabytes; the ones a few ratings on are known.
            if index + FactorChunks.lookupPrefetchDistance < count {
                userRows.row(Int(users[row + FactorChunks.lookupPrefetchDistance])).prefetchForWrite()
            }
            let user = Int(users[row])
            let movie = Int(movies[row])
            let input = x + index * width
            let movieRow = movieRows.row(movie)
            let userRow = userRows.row(user)
            for factor in 0..<k {
                input[factor] = movieRow[factor]
                input[k + factor] = userRow[factor]
            }
            input[2 * k] = userRows.bias(user).pointee
            input[2 * k + 1] = movieRows.bias(movie).pointee
        }
        // The ends of what the C kernel touches: `+` checks them in debug builds, as the kernel's
        // pointers check nothing.
        let units = layout.hiddenUnits
        _ = (x + count * width, hidden + 2 * units)
        _ = (ratings + (first + samples.upperBound), errors + samples.upperBound, inputGradients + samples.upperBound * width)
        let targets = ratings + (first + samples.lowerBound)
        let sampleErrors = errors + samples.lowerBound
        let sampleInputGradients = inputGradients + samples.lowerBound * width
        func parameters(_ block: Range<Int>) -> Memory<Float> { weights + block.lowerBound }
        func gradient(_ block: Range<Int>) -> Memory<Float> { denseGradient + (block.lowerBound - base) }
        recbook_neural_rows(
            Int32(count), Int32(width), Int32(units), x.address, targets.address, scale,
            parameters(layout.hiddenWeights).address, parameters(layout.hiddenBias).address,
            parameters(layout.outputWeights).address, weights[layout.outputBias.lowerBound], sampleErrors.address,
            sampleInputGradients.address, gradient(layout.hiddenWeights).address, gradient(layout.hiddenBias).address,
            gradient(layout.outputWeights).address, gradient(layout.outputBias).address, hidden.address)
    }
}
