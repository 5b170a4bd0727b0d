import Foundation

/// Explicit alternating least squares with Spark MLlib's objective (Zhou et al., "Large-scale
/// parallel collaborative filtering for the Netflix Prize", 2008, weighted-λ regularisation):
///
///     minimise  Σ_(u,i) (r_ui - x_uᵀ y_i)²  +  λ (Σ_u n_u ‖x_u‖² + Σ_i n_i ‖y_i‖²)
///
/// where n_u and n_i count the training ratings of user u and movie i. With the movie factors
/// fixed, each user's factors solve the k x k normal equations
/// `(Σ_i y_i y_iᵀ + λ n_u I) x_u = Σ_i r_ui y_i` (Cholesky, or non-negative least squares), and
/// symmetrically for movies. As in Spark, user factors start as unit-length Gaussian vectors and
/// each iteration solves the movies first, then the users. Rows are independent within a
/// half-step, so they are solved in parallel and the result does not depend on the thread count.
public enum ALS {
    public static func fit(_ train: RatingsTable, config: ALSConfig, threads: Int = ProcessInfo.processInfo.activeProcessorCount)
        throws(ALSConfig.Invalid) -> ALSModel
    {
        try config.validate()
        let byUser = SparseRows(rowsOf: train.users, columnsOf: train.movies, ratings: train.ratings, rowCount: train.userCount)
        let byMovie = SparseRows(rowsOf: train.movies, columnsOf: train.users, ratings: train.ratings, rowCount: train.movieCount)
        let rank = config.rank
        var userFactors = initialFactors(count: train.userCount, rank: rank, seed: config.seed)
        var movieFactors = HugePageMemory.array(repeating: Float(0), count: train.movieCount * rank)
        for _ in 0..<config.iterations {
            solveHalfStep(byMovie, fixed: userFactors, into: &movieFactors, config, threads)
            solveHalfStep(byUser, fixed: movieFactors, into: &userFactors, config, threads)
        }
        return ALSModel(
            rank: rank, userFactors: userFactors, movieFactors: movieFactors,
            userRated: byUser.counts.map { $0 > 0 }, movieRated: byMovie.counts.map { $0 > 0 })
    }

    /// Unit-length Gaussian rows, one seeded stream per row so any row can be made independently.
    /// In huge pages: the movie half-step reads a random user row per rating.
    static func initialFactors(count: Int, rank: Int, seed: UInt64) -> [Float] {
        var factors = HugePageMemory.array(repeating: Float(0), count: count * rank)
        for row in 0..<count {
            var generator = SplitMix64(seed: SplitMix64.derived(seed, UInt64(row)))
            var norm = 0.0
            var values = [Double](repeating: 0, count: rank)
            for f in 0..<rank {
                values[f] = generator.nextGaussian()
                norm += values[f] * values[f]
            }
            let scale = norm > 0 ? 1 / norm.squareRoot() : 0
            for f in 0..<rank { factors[row * rank + f] = Float(values[f] * scale) }
        }
        return factors
    }

    /// Solves every row of `rows` against the fixed factors of the other side.
    private static func solveHalfStep(
        _ rows: SparseRows, fixed: [Float], into solved: inout [Float], _ config: ALSConfig, _ threads: Int
    ) {
        let rank = config.rank
        let rowCount = rows.counts.count
        let chunks = max(1, min(rowCount, threads * 8))
        fixed.withUnsafeBufferPointer { fixed in
            solved.withUnsafeMutableBufferPointer { solved in
                rows.offsets.withUnsafeBufferPointer { offsets in
                    rows.columns.withUnsafeBufferPointer { columns in
                        rows.ratings.withUnsafeBufferPointer { ratings in
                            let pointers = UncheckedSendable(
                                (
                                    offsets: offsets.baseAddress!, columns: columns.baseAddress!, ratings: ratings.baseAddress!,
                                    fixed: fixed.baseAddress!, solved: solved.baseAddress!
                                ))
                            let work: @Sendable (Int) -> Void = { chunk in
                                let p = pointers.value
                                let space = NormalEquations.Workspace(rank: rank)
                                defer { space.deallocate() }
                                for row in (chunk * rowCount / chunks)..<((chunk + 1) * rowCount / chunks) {
                                    NormalEquations.solveRow(
                                        row, offsets: p.offsets, columns: p.columns, ratings: p.ratings, fixed: p.fixed,
                                        into: p.solved, config: config, space)
                                }
                            }
                            if threads <= 1 {
                                for chunk in 0..<chunks { work(chunk) }
                            } else {
                                DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Ratings grouped by row (user or movie): compressed sparse rows over dense indices.
struct SparseRows: Sendable {
    var offsets: [Int]
    var columns: [Int32]
    var ratings: [Float]
    var counts: [Int]

    init(rowsOf rowIndex: [Int32], columnsOf columnIndex: [Int32], ratings values: [Float], rowCount: Int) {
        var counts = [Int](repeating: 0, count: rowCount)
        for row in rowIndex { counts[Int(row)] += 1 }
        var offsets = [Int](repeating: 0, count: rowCount + 1)
        for row in 0..<rowCount { offsets[row + 1] = offsets[row] + counts[row] }
        var fill = offsets
        var columns = [Int32](repeating: 0, count: rowIndex.count)
        var ratings = [Float](repeating: 0, count: rowIndex.count)
        for index in rowIndex.indices {
            let row = Int(rowIndex[index])
            columns[fill[row]] = columnIndex[index]
            ratings[fill[row]] = values[index]
            fill[row] += 1
        }
        self.offsets = offsets
        self.columns = columns
        self.ratings = ratings
        self.counts = counts
    }
}
