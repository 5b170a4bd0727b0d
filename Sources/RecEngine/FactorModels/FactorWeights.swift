/// The parameter store of one factor-model training run: every parameter in `FactorLayout`'s
/// flat order, in one 64-byte-aligned buffer on huge pages (exact Adam reads the user rows at
/// random, a rating at a time), plus what reads it whole: the validation errors, the L2 penalty
/// and the final copy out.
///
/// The optimisers own the rest: `ExactAdamStep` updates these weights in place;
/// `LazyAdamStep` trains its own records (`LazyRecords`) and copies them back here before
/// anything reads the weights.
final class FactorWeights {
    let layout: FactorLayout
    let threads: Int
    let weights: Memory<Float>
    /// Per chunk: the neural model's input `x` and hidden layer `h` for `FactorForward.predict`.
    private let scratch: Memory<Float>
    private let scratchWidth: Int
    private let arena = MemoryArena()

    init(layout: FactorLayout, initial: [Float], threads: Int) {
        precondition(initial.count == layout.count)
        self.layout = layout
        self.threads = threads
        weights = arena.allocate(layout.count, repeating: 0, onHugePages: true)
        weights.update(from: initial)
        scratchWidth = layout.inputWidth + layout.hiddenUnits
        scratch = arena.allocate(scratchWidth * FactorChunks.count, repeating: 0)
    }

    /// The flat tables' user rows and movie rows.
    var userRows: EmbeddingRows { EmbeddingRows(flat: weights, layout.userFactors, layout.userBias, factors: layout.factors) }
    var movieRows: EmbeddingRows {
        EmbeddingRows(flat: weights, layout.movieFactors, layout.movieBias, factors: layout.factors)
    }

    /// A copy of every parameter, as `FactorModel` keeps them.
    var parameters: [Float] { weights.array(count: layout.count) }

    /// Sums of squared and absolute errors of the weights' predictions on `rows`, in fixed
    /// pieces added in piece order (the same bits on any number of threads).
    func errorSums(
        rows: Range<Int>, users: Memory<Int32>, movies: Memory<Int32>, ratings: Memory<Float>
    ) -> (squared: Double, absolute: Double) {
        guard !rows.isEmpty else { return (0, 0) }
        let layout = self.layout
        let weights = self.weights
        let scratch = self.scratch
        let scratchWidth = self.scratchWidth
        var sums = [Double](repeating: 0, count: 2 * FactorChunks.count)
        DisjointWrites.with(&sums) { sums in
            forEachChunk(FactorChunks.count, threads: threads) { chunk in
                let piece = evenPiece(chunk, of: rows.count, pieces: FactorChunks.count)
                guard !piece.isEmpty else { return }
                var squared = 0.0
                var absolute = 0.0
                for row in rows.lowerBound + piece.lowerBound..<rows.lowerBound + piece.upperBound {
                    let error = Double(
                        FactorForward.predict(
                            weights, layout, user: Int(users[row]), movie: Int(movies[row]),
                            scratch: scratch + chunk * scratchWidth) - ratings[row])
                    squared += error * error
                    absolute += abs(error)
                }
                sums[2 * chunk] = squared
                sums[2 * chunk + 1] = absolute
            }
        }
        var squared = 0.0
        var absolute = 0.0
        for chunk in 0..<FactorChunks.count {
            squared += sums[2 * chunk]
            absolute += sums[2 * chunk + 1]
        }
        return (squared, absolute)
    }

    /// Whether every parameter after the embeddings (global bias, dense layers) is finite.
    var denseBlockIsFinite: Bool {
        for index in layout.denseBlock where !weights[index].isFinite { return false }
        return true
    }

    /// `Σ w²` over the flat embedding tables, or nil when any of them is NaN or infinite.
    func flatEmbeddingSquaresIfFinite() -> Double? {
        // The flat embeddings as rows of eight, then the few left over.
        let embeddings = layout.denseBlock.lowerBound
        let whole = embeddings / 8 * 8
        var rest = 0.0
        for index in whole..<embeddings {
            guard weights[index].isFinite else { return nil }
            rest += Double(weights[index]) * Double(weights[index])
        }
        return Self.squaresIfFinite(weights, rows: whole / 8, stride: 8, width: 8, threads: threads).map { $0 + rest }
    }

    /// The sum of squares of `rows` rows of `width` floats (a multiple of eight) lying `stride`
    /// floats apart, or nil if any is not finite; in fixed pieces added in piece order.
    static func squaresIfFinite(_ base: Memory<Float>, rows: Int, stride: Int, width: Int, threads: Int) -> Double? {
        var sums = [Double](repeating: 0, count: FactorChunks.count)
        DisjointWrites.with(&sums) { sums in
            forEachTask(FactorChunks.count, threads: threads) { piece in
                var squares = SIMD8<Double>()
                // w * 0 is 0 for every finite w and NaN otherwise: one NaN poisons the sum.
                var poison = SIMD8<Float>()
                for row in evenPiece(piece, of: rows, pieces: FactorChunks.count) {
                    for lane in Swift.stride(from: 0, to: width, by: 8) {
                        let weight = base.load(SIMD8<Float>.self, at: row * stride + lane)
                        poison += weight * 0
                        let wide = SIMD8<Double>(weight)
                        squares += wide * wide
                    }
                }
                sums[piece] = squares.sum() + Double(poison.sum())
            }
        }
        let total = sums.reduce(0, +)
        return total.isFinite ? total : nil
    }
}
