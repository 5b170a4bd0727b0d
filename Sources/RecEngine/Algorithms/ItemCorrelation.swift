import Foundation

/// Pearson correlation between every pair of movies over the users who rated both
/// ("pairwise complete"), as pandas' `DataFrame.corr(method='pearson', min_periods=p)` computes
/// it on the user x movie pivot (the article's section 4).
///
/// For movies `a` and `b`, let `U` be the users with a rating of both, `n = |U|`:
///
///     r(a, b) = Σ_U (x_a − x̄_a)(x_b − x̄_b) / sqrt(Σ_U (x_a − x̄_a)² · Σ_U (x_b − x̄_b)²)
///
/// with both means taken over `U` only. `r` is NaN when `n < minPeriods` or when either sum of
/// squares is zero, and it is clipped to [−1, 1] as pandas clips it. The diagonal follows the
/// same rule, so it is 1 for a movie with at least `minPeriods` raters who do not all agree,
/// and NaN otherwise (pandas does exactly this; checked with pandas 3.1).
///
/// Computation: one task per movie `a` walks `a`'s raters and, for each, the rest of that
/// user's row (movies `b ≥ a`), adding the six moments n, Σx_a, Σx_b, Σx_a², Σx_b², Σx_a·x_b
/// in `Double`; then `r = (nΣx_a x_b − Σx_aΣx_b) / sqrt((nΣx_a² − (Σx_a)²)(nΣx_b² − (Σx_b)²))`.
/// Work is Σ_users k(k+1)/2 for users with k ratings, never the dense pivot. Each movie's
/// ratings are first shifted by its rounded mean (Pearson is shift-invariant), so integer
/// ratings stay integers and every sum is exact; a pair whose sum of squares nearly cancels
/// (a near-constant column, possible only with non-integer ratings) is recomputed with pandas'
/// own one-pass (Welford) recurrence over the common raters. Each task sums in user order and
/// owns its cells, so the result is the same at any thread count.
public struct ItemCorrelation: Sendable {
    /// Validated settings: pandas' `min_periods`.
    public struct Config: Sendable, Hashable, Codable {
        /// Fewest common raters for a defined correlation; the article uses 100.
        public var minPeriods: Int

        public init(minPeriods: Int = 100) {
            self.minPeriods = minPeriods
        }

        public func validate() throws(ConfigError) {
            guard minPeriods >= 1 else {
                throw ConfigError(setting: "min-periods", allowed: "at least 1", given: "\(minPeriods)")
            }
        }
    }

    public let config: Config
    public let movieCount: Int
    /// Row-major `movieCount x movieCount`; NaN where undefined.
    public let values: [Double]
    /// Row-major counts of users who rated both movies (the diagonal holds each movie's raters).
    public let commonRaters: [Int32]

    /// The correlation of every movie pair of `matrix`, on `threads` threads.
    public init(_ matrix: RatingMatrix, config: Config, threads: Int = allCores) throws(ConfigError) {
        try config.validate()
        let movies = matrix.movieCount
        let minPeriods = Double(config.minPeriods)
        let shifts = matrix.movieMeans().map { $0.isNaN ? 0 : $0.rounded() }
        var values = [Double](repeating: .nan, count: movies * movies)
        var common = [Int32](repeating: 0, count: movies * movies)
        DisjointWrites.with(&values) { valuesOut in
            DisjointWrites.with(&common) { commonOut in
                // Task `a` writes cells (a, b) and (b, a) for b >= a only: disjoint across tasks.
                forEachTask(movies, threads: threads) { a in
                    var moments = [Double](repeating: 0, count: 6 * movies)
                    Self.accumulate(row: a, matrix, shifts, into: &moments)
                    for b in a..<movies {
                        let base = 6 * b
                        let n = moments[base]
                        var r = Double.nan
                        if n >= minPeriods && n > 0 {
                            r =
                                Self.coefficient(
                                    n: n, sumA: moments[base + 1], sumB: moments[base + 2], squaresA: moments[base + 3],
                                    squaresB: moments[base + 4], products: moments[base + 5])
                                ?? Self.welford(matrix, a, b)
                        }
                        valuesOut[a * movies + b] = r
                        valuesOut[b * movies + a] = r
                        commonOut[a * movies + b] = Int32(n)
                        commonOut[b * movies + a] = Int32(n)
                    }
                }
            }
        }
        self.config = config
        self.movieCount = movies
        self.values = values
        self.commonRaters = common
    }

    /// Builds the sparse pivot of `table` and correlates it: the article's
    /// `pivot_table(...).corr(method='pearson', min_periods=p)` in one call (what the benchmark times).
    public static func ofRatings(
        _ table: RatingsTable, minPeriods: Int, threads: Int = allCores
    ) throws(ConfigError) -> ItemCorrelation {
        try ItemCorrelation(RatingMatrix(table), config: Config(minPeriods: minPeriods), threads: threads)
    }

    public subscript(a: Int, b: Int) -> Double {
        values[a * movieCount + b]
    }

    public func common(_ a: Int, _ b: Int) -> Int {
        Int(commonRaters[a * movieCount + b])
    }

    /// Cells off the diagonal with a defined correlation, counting each pair once.
    public var definedPairs: Int {
        var count = 0
        for a in 0..<movieCount {
            for b in (a + 1)..<max(a + 1, movieCount) where !values[a * movieCount + b].isNaN { count += 1 }
        }
        return count
    }

    /// Adds the six moments of movie `row` against every movie `b >= row` over their common raters.
    /// Layout per `b`: n, Σx_row, Σx_b, Σx_row², Σx_b², Σx_row·x_b.
    private static func accumulate(row a: Int, _ matrix: RatingMatrix, _ shifts: [Double], into moments: inout [Double]) {
        // Arrays hoisted into locals: reading them through the struct retains it on every access
        // in unoptimised builds.
        let columnUsers = matrix.columnUsers
        let columnValues = matrix.columnValues
        let columnRowPosition = matrix.columnRowPosition
        let rowStart = matrix.rowStart
        let rowMovies = matrix.rowMovies
        let rowValues = matrix.rowValues
        let shiftA = shifts[a]
        for entry in matrix.columnStart[a]..<matrix.columnStart[a + 1] {
            let user = Int(columnUsers[entry])
            let xa = Double(columnValues[entry]) - shiftA
            let xaSquared = xa * xa
            // The user's row is sorted by movie, so the cells from `a` on are the pairs b >= a.
            for position in columnRowPosition[entry]..<rowStart[user + 1] {
                let b = Int(rowMovies[position])
                let xb = Double(rowValues[position]) - shifts[b]
                let base = 6 * b
                moments[base] += 1
                moments[base + 1] += xa
                moments[base + 2] += xb
                moments[base + 3] += xaSquared
                moments[base + 4] += xb * xb
                moments[base + 5] += xa * xb
            }
        }
    }

    /// Pearson from raw moments, or `nil` when a sum of squares cancels to (nearly) nothing and
    /// the pair must be recomputed exactly.
    static func coefficient(
        n: Double, sumA: Double, sumB: Double, squaresA: Double, squaresB: Double, products: Double
    ) -> Double? {
        let varianceA = n * squaresA - sumA * sumA
        let varianceB = n * squaresB - sumB * sumB
        // With integer ratings both are exact; for others, a tiny relative value means cancellation.
        let tolerance = 1e-9
        guard varianceA > tolerance * n * squaresA, varianceB > tolerance * n * squaresB else { return nil }
        let covariance = n * products - sumA * sumB
        return min(1, max(-1, covariance / (varianceA * varianceB).squareRoot()))
    }

    /// pandas' `nancorr` recurrence (Welford) over the users who rated both movies: the
    /// reference the fast path is checked against, and its fallback for near-constant columns.
    static func welford(_ matrix: RatingMatrix, _ a: Int, _ b: Int) -> Double {
        var pairs: [(Double, Double)] = []
        var i = matrix.columnStart[a]
        var j = matrix.columnStart[b]
        while i < matrix.columnStart[a + 1] && j < matrix.columnStart[b + 1] {
            let userA = matrix.columnUsers[i]
            let userB = matrix.columnUsers[j]
            if userA < userB {
                i += 1
            } else if userB < userA {
                j += 1
            } else {
                pairs.append((Double(matrix.columnValues[i]), Double(matrix.columnValues[j])))
                i += 1
                j += 1
            }
        }
        return welford(pairs)
    }

    /// Pearson of paired values by Welford's one-pass recurrence, NaN for zero variance.
    static func welford(_ pairs: [(Double, Double)]) -> Double {
        var count = 0.0
        var meanX = 0.0
        var meanY = 0.0
        var squaresX = 0.0
        var squaresY = 0.0
        var products = 0.0
        for (x, y) in pairs {
            count += 1
            let dx = x - meanX
            let dy = y - meanY
            meanX += 1 / count * dx
            meanY += 1 / count * dy
            squaresX += (x - meanX) * dx
            squaresY += (y - meanY) * dy
            products += (x - meanX) * dy
        }
        let divisor = (squaresX * squaresY).squareRoot()
        guard divisor != 0 else { return .nan }
        return min(1, max(-1, products / divisor))
    }
}
