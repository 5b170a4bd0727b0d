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
        throws(ConfigError) -> ALSModel
    {
        try config.validate()
        let rank = config.rank
        var userFactors = HugePageMemory.array(repeating: Float(0), count: train.userCount * rank)
        let (users, movies) = prepare(train, startingFactors: &userFactors, rank: rank, seed: config.seed, threads: threads)
        var movieFactors = HugePageMemory.array(repeating: Float(0), count: train.movieCount * rank)
        for _ in 0..<config.iterations {
            solveHalfStep(movies, fixed: userFactors, into: &movieFactors, config, threads)
            solveHalfStep(users, fixed: movieFactors, into: &userFactors, config, threads)
        }
        return ALSModel(
            rank: rank, userFactors: userFactors, movieFactors: movieFactors,
            userRated: users.counts.map { $0 > 0 }, movieRated: movies.counts.map { $0 > 0 })
    }

    /// The ratings by user and by movie, and the starting user factors (`initialFactors`'
    /// values, written into `factors`). They depend only on the data and the seed, and each is
    /// seconds of serial work at 50M ratings, so they are built side by side: the two layouts as
    /// two tasks, the factors as many pieces of rows that fill in around them (GCD hands the
    /// tasks out as threads free up; the by-user layout, a scatter, takes longest).
    private static func prepare(
        _ train: RatingsTable, startingFactors factors: inout [Float], rank: Int, seed: UInt64, threads: Int
    ) -> (byUser: SparseRows, byMovie: SparseRows) {
        var layouts: [SparseRows?] = [nil, nil]
        let pieces = 16
        DisjointWrites.with(&layouts) { layouts in
            DisjointWrites.with(&factors) { factors in
                forEachTask(2 + pieces, threads: threads) { task in
                    switch task {
                    case 0:
                        layouts[0] = SparseRows(
                            rowsOf: train.users, columnsOf: train.movies, ratings: train.ratings, rowCount: train.userCount)
                    case 1:
                        layouts[1] = SparseRows(
                            rowsOf: train.movies, columnsOf: train.users, ratings: train.ratings, rowCount: train.movieCount)
                    default:
                        let (piece, count) = (task - 2, train.userCount)
                        fillInitialFactors(
                            factors, rows: (piece * count / pieces)..<((piece + 1) * count / pieces), rank: rank, seed: seed)
                    }
                }
            }
        }
        return (layouts[0]!, layouts[1]!)
    }

    /// Unit-length Gaussian rows, one seeded stream per row so any row can be made independently.
    /// In huge pages: the movie half-step reads a random user row per rating.
    static func initialFactors(count: Int, rank: Int, seed: UInt64) -> [Float] {
        var factors = HugePageMemory.array(repeating: Float(0), count: count * rank)
        DisjointWrites.with(&factors) { fillInitialFactors($0, rows: 0..<count, rank: rank, seed: seed) }
        return factors
    }

    /// Writes `initialFactors`' rows `rows` into `factors` (`rank` per row).
    private static func fillInitialFactors(_ factors: DisjointWrites<Float>, rows: Range<Int>, rank: Int, seed: UInt64) {
        var values = [Double](repeating: 0, count: rank)
        for row in rows {
            var generator = SplitMix64(seed: SplitMix64.derived(seed, UInt64(row)))
            var norm = 0.0
            for f in 0..<rank {
                values[f] = generator.nextGaussian()
                norm += values[f] * values[f]
            }
            let scale = norm > 0 ? 1 / norm.squareRoot() : 0
            for f in 0..<rank { factors[row * rank + f] = Float(values[f] * scale) }
        }
    }

    /// Solves every row of `rows` against the fixed factors of the other side.
    private static func solveHalfStep(
        _ rows: SparseRows, fixed: [Float], into solved: inout [Float], _ config: ALSConfig, _ threads: Int
    ) {
        let rank = config.rank
        let rowCount = rows.counts.count
        let chunks = max(1, min(rowCount, threads * 8))
        SharedReads.with(fixed) { fixed in
            let products = config.nonnegative ? nil : RowDotProducts(fixed, rows: fixed.count / rank, rank: rank)
            rows.withReads { rows in
                DisjointWrites.with(&solved) { solved in
                    forEachTask(chunks, threads: threads) { chunk in
                        RidgeSystem.with(rank: rank) { system in
                            for row in (chunk * rowCount / chunks)..<((chunk + 1) * rowCount / chunks) {
                                NormalEquations.solveRow(
                                    row, of: rows, fixed: fixed, products: products, into: solved, config: config, system)
                            }
                        }
                    }
                }
            }
        }
    }
}
