/// Lazy Adam's parameter store for the embeddings: each user's and movie's row keeps its
/// weights and both moments side by side in one record, `[w | m | v]`, each part `rowWidth`
/// floats (k factors, then the bias when the model has one, padded with zeros to whole
/// eight-lane vectors). A step reads and writes one record where the flat tables would cost up
/// to ten cache lines; for the article's k = 5 a record is 96 bytes, two lines.
///
/// The records are the truth while training; `synchronize(into:)` copies their weights into the
/// flat tables when something reads those (validation, the L2 penalty's dense part, the model).
final class LazyRecords {
    let layout: FactorLayout
    /// Floats per part of a record (a multiple of eight: `AdamKernel.dense`'s width).
    let rowWidth: Int
    /// Floats per record: `3 × rowWidth`.
    let recordStride: Int
    /// The users' records, then the movies'.
    private let records: Memory<Float>
    let userRows: EmbeddingRows
    let movieRows: EmbeddingRows
    private let arena = MemoryArena()

    /// Records holding the embeddings of `weights` (flat, `FactorLayout`'s order), moments zero.
    init(layout: FactorLayout, weights: Memory<Float>) {
        self.layout = layout
        let k = layout.factors
        let biased = layout.kind != .svd
        rowWidth = (k + (biased ? 1 : 0) + 7) / 8 * 8
        recordStride = 3 * rowWidth
        records = arena.allocate((layout.users + layout.movies) * recordStride, repeating: 0, onHugePages: true)
        let movieRecords = records + layout.users * recordStride
        userRows = EmbeddingRows(factors: records, factorStride: recordStride, biases: records + k, biasStride: recordStride)
        movieRows = EmbeddingRows(
            factors: movieRecords, factorStride: recordStride, biases: movieRecords + k, biasStride: recordStride)
        for (rows, count, factors, bias) in [
            (userRows, layout.users, layout.userFactors, layout.userBias),
            (movieRows, layout.movies, layout.movieFactors, layout.movieBias),
        ] {
            for id in 0..<count {
                rows.row(id).update(from: weights + (factors.lowerBound + id * k), count: k)
                if biased { rows.bias(id).pointee = weights[bias.lowerBound + id] }
            }
        }
    }

    /// Copies the records' weights into the flat tables of `weights`.
    func synchronize(into weights: Memory<Float>, threads: Int) {
        let k = layout.factors
        let biased = layout.kind != .svd
        for (rows, count, factors, bias) in [
            (userRows, layout.users, layout.userFactors, layout.userBias),
            (movieRows, layout.movies, layout.movieFactors, layout.movieBias),
        ] {
            // Copies, so any split gives the same bits; by hand, as `update(from:count:)` is a
            // memmove call per row of k floats.
            forEachTask(FactorChunks.count, threads: threads) { piece in
                for id in evenPiece(piece, of: count, pieces: FactorChunks.count) {
                    let from = rows.row(id)
                    let to = weights + (factors.lowerBound + id * k)
                    for factor in 0..<k { to[factor] = from[factor] }
                    if biased { weights[bias.lowerBound + id] = rows.bias(id).pointee }
                }
            }
        }
    }

    /// `Σ w²` over every record's weights, or nil when any is NaN or infinite.
    func squaresIfFinite(threads: Int) -> Double? {
        guard
            let users = FactorWeights.squaresIfFinite(
                userRows.factors, rows: layout.users, stride: recordStride, width: rowWidth, threads: threads),
            let movies = FactorWeights.squaresIfFinite(
                movieRows.factors, rows: layout.movies, stride: recordStride, width: rowWidth, threads: threads)
        else { return nil }
        return users + movies
    }

    /// Adam on one record `[w | m | v]` with its summed `gradient` (which it leaves zeroed); the
    /// zero lanes past the row stay zero.
    @inline(__always)
    static func adam(
        record: Memory<Float>, gradient: Memory<Float>, rowWidth: Int, l2: Float,
        settings: AdamSettings, stepSize: Float
    ) {
        AdamKernel.dense(
            weights: record, first: record + rowWidth, second: record + 2 * rowWidth, gradient: gradient,
            range: 0..<rowWidth, l2: l2, settings: settings, stepSize: stepSize)
    }
}
