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
    let weights: UnsafeMutablePointer<Float>
    /// Per chunk: the neural model's input `x` and hidden layer `h` for `FactorForward.predict`.
    private let scratch: UnsafeMutablePointer<Float>
    private let scratchWidth: Int

    init(layout: FactorLayout, initial: [Float], threads: Int) {
        precondition(initial.count == layout.count)
        self.layout = layout
        self.threads = threads
        weights = Self.table(layout.count)
        weights.update(from: initial, count: layout.count)
        scratchWidth = layout.inputWidth + layout.hiddenUnits
        scratch = .allocate(capacity: scratchWidth * FactorChunks.count)
        scratch.initialize(repeating: 0, count: scratchWidth * FactorChunks.count)
    }

    deinit {
        scratch.deallocate()
        Self.release(weights)
    }

    /// A zeroed table of `count` floats, 64-byte aligned, on huge pages when it is big enough:
    /// the weights, Adam's moments and the gradient. Free it with `release`.
    static func table(_ count: Int) -> UnsafeMutablePointer<Float> {
        let table = HugePageMemory.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: count)
        table.initialize(repeating: 0, count: count)
        return table
    }

    static func release(_ table: UnsafeMutablePointer<Float>) {
        HugePageMemory.deallocate(UnsafeMutableRawPointer(table))
    }

    /// The flat tables' user rows and movie rows.
    var userRows: EmbeddingRows { EmbeddingRows(flat: weights, layout.userFactors, layout.userBias, factors: layout.factors) }
    var movieRows: EmbeddingRows {
        EmbeddingRows(flat: weights, layout.movieFactors, layout.movieBias, factors: layout.factors)
    }

    /// A copy of every parameter, as `FactorModel` keeps them.
    var parameters: [Float] { Array(UnsafeBufferPointer(start: weights, count: layout.count)) }

    /// Sums of squared and absolute errors of the weights' predictions on `rows`, in fixed
    /// pieces added in piece order (the same bits on any number of threads).
    func errorSums(
        rows: Range<Int>, users: UnsafePointer<Int32>, movies: UnsafePointer<Int32>, ratings: UnsafePointer<Float>
    ) -> (squared: Double, absolute: Double) {
        guard !rows.isEmpty else { return (0, 0) }
        let layout = self.layout
        let weights = UnsafePointer(self.weights)
        let scratch = self.scratch
        let scratchWidth = self.scratchWidth
        var sums = [Double](repeating: 0, count: 2 * FactorChunks.count)
        sums.withUnsafeMutableBufferPointer { sums in
            let sums = UncheckedSendable(sums.baseAddress!)
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
                sums.value[2 * chunk] = squared
                sums.value[2 * chunk + 1] = absolute
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
    static func squaresIfFinite(_ base: UnsafePointer<Float>, rows: Int, stride: Int, width: Int, threads: Int) -> Double? {
        var sums = [Double](repeating: 0, count: FactorChunks.count)
        sums.withUnsafeMutableBufferPointer { sums in
            let shared = UncheckedSendable((sums.baseAddress!, base))
            forEachTask(FactorChunks.count, threads: threads) { piece in
                let (sums, base) = shared.value
                var squares = SIMD8<Double>()
                // w * 0 is 0 for every finite w and NaN otherwise: one NaN poisons the sum.
                var poison = SIMD8<Float>()
                for row in evenPiece(piece, of: rows, pieces: FactorChunks.count) {
                    for lane in Swift.stride(from: 0, to: width, by: 8) {
                        let weight = UnsafeRawPointer(base + row * stride + lane).loadUnaligned(as: SIMD8<Float>.self)
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
