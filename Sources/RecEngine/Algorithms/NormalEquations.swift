import CIntrinsics

/// One row of an ALS half-step: the row's new factors `x = (Yᵀ Y + λ n I)⁻¹ Yᵀ r`, where `Y`
/// holds the fixed factors of the row's `n` rated columns and `r` their ratings. A row with no
/// ratings gets zeros, as Spark gives a user it has never seen no factors at all.
///
/// Hand-written because it is ALS's whole cost. Two things make it fast:
///
/// - A row with fewer ratings than the rank (most Douban users rate a handful of films) solves
///   the `n x n` system of the push-through identity instead,
///   `x = Yᵀ (Y Yᵀ + λ n I)⁻¹ r`: the same solution from a smaller system.
/// - Otherwise `Yᵀ Y` is accumulated a block of ratings at a time, with the block stored
///   transposed so that every Gram entry is a SIMD dot product over contiguous memory.
///
/// Non-negative ALS keeps the `k x k` form, which its solver needs.
enum NormalEquations {
    /// Ratings per block of the Gram accumulation; a multiple of the SIMD width.
    static let block = 64
    /// How many ratings ahead the Gram path asks for a factor row. A movie's raters are scattered
    /// over millions of user rows, so without the hint nearly every rating waits on memory.
    static let prefetchDistance = 32
    typealias Lanes = SIMD8<Double>

    /// Every dot product `y_a · y_b` of the fixed side's rows, each summed as `solveDual` sums
    /// it, for a fixed side small enough to tabulate. On Douban's shape that is the user
    /// half-step (165 movies: 27,225 products, 218 KB, built in well under a millisecond), where
    /// nine users in ten take the dual path: their kernels become loads from L2 instead of
    /// dot products, with the same bits.
    struct PairTable: @unchecked Sendable {
        /// Above this many fixed rows the table (8 bytes per pair) stops paying for itself.
        static let maximumRows = 2_048
        private let products: UnsafeMutablePointer<Double>
        private let rows: Int

        init?(fixed: UnsafePointer<Float>, rows: Int, rank: Int) {
            guard rows <= Self.maximumRows else { return nil }
            self.rows = rows
            products = .allocate(capacity: max(1, rows * rows))
            for a in 0..<rows {
                let ya = fixed + a * rank
                for b in 0..<(a + 1) {
                    let yb = fixed + b * rank
                    var sum = 0.0
                    for f in 0..<rank { sum += Double(ya[f]) * Double(yb[f]) }
                    products[a * rows + b] = sum
                    products[b * rows + a] = sum
                }
            }
        }

        func deallocate() { products.deallocate() }

        @inline(__always) func product(_ a: Int, _ b: Int) -> Double { products[a * rows + b] }
    }

    /// Scratch space for one thread, reused across rows.
    struct Workspace {
        let rank: Int
        /// `rank x block`, column `p` of the block is rating `p`'s factor vector.
        let transposed: UnsafeMutablePointer<Double>
        let ratings: UnsafeMutablePointer<Double>
        let gram: UnsafeMutablePointer<Double>
        let rhs: UnsafeMutablePointer<Double>
        let x: UnsafeMutablePointer<Double>

        init(rank: Int) {
            self.rank = rank
            transposed = .allocate(capacity: rank * NormalEquations.block)
            ratings = .allocate(capacity: NormalEquations.block)
            gram = .allocate(capacity: rank * rank)
            rhs = .allocate(capacity: rank)
            x = .allocate(capacity: rank)
        }

        func deallocate() {
            for buffer in [transposed, ratings, gram, rhs, x] { buffer.deallocate() }
        }
    }

    /// Solves `row` against `fixed` (the other side's factors, `rank` per row). They stay
    /// floats in memory, half the bytes to fetch per rating, and become doubles as they are read.
    @inline(__always)
    static func solveRow(
        _ row: Int, offsets: UnsafePointer<Int>, columns: UnsafePointer<Int32>, ratings: UnsafePointer<Float>,
        fixed: UnsafePointer<Float>, pairs: PairTable?, into solved: UnsafeMutablePointer<Float>, config: ALSConfig,
        _ space: Workspace
    ) {
        let rank = space.rank
        let start = offsets[row]
        let count = offsets[row + 1] - start
        let output = solved + row * rank
        guard count > 0 else {
            for f in 0..<rank { output[f] = 0 }
            return
        }
        let lambda = config.regularization * Double(count)
        if count < rank && !config.nonnegative {
            solveDual(start, count, columns, ratings, fixed, pairs, output, lambda, space)
            return
        }
        let a = space.gram
        let b = space.rhs
        a.update(repeating: 0, count: rank * rank)
        b.update(repeating: 0, count: rank)
        var entry = start
        let end = start + count
        while entry < end {
            let filled = min(block, end - entry)
            let padded = (filled + Lanes.scalarCount - 1) / Lanes.scalarCount * Lanes.scalarCount
            for p in 0..<padded {
                let inBlock = p < filled
                if entry + p + prefetchDistance < end {
                    // A row of `rank` floats may straddle two cache lines: ask for both ends.
                    let ahead = fixed + Int(columns[entry + p + prefetchDistance]) * rank
                    recbook_prefetch_for_read(ahead)
                    recbook_prefetch_for_read(ahead + rank - 1)
                }
                let y = fixed + (inBlock ? Int(columns[entry + p]) * rank : 0)
                for f in 0..<rank { space.transposed[f * block + p] = inBlock ? Double(y[f]) : 0 }
                space.ratings[p] = inBlock ? Double(ratings[entry + p]) : 0
            }
            // Lower triangle only: the solver reads no more.
            for i in 0..<rank {
                let yi = space.transposed + i * block
                b[i] += dot(yi, space.ratings, padded)
                for j in 0..<(i + 1) { a[i * rank + j] += dot(yi, space.transposed + j * block, padded) }
            }
            entry += filled
        }
        for i in 0..<rank { a[i * rank + i] += lambda }
        if config.nonnegative {
            for i in 0..<rank { for j in (i + 1)..<max(i + 1, rank) { a[i * rank + j] = a[j * rank + i] } }
            NonNegativeLeastSquares.solve(a, b, space.x, rank)
            for f in 0..<rank { output[f] = Float(space.x[f]) }
        } else if Cholesky.solve(a, b, rank) {
            for f in 0..<rank { output[f] = Float(b[f]) }
        } else {
            for f in 0..<rank { output[f] = .nan }
        }
    }

    /// `x = Yᵀ (Y Yᵀ + λ I)⁻¹ r` for a row with `count < rank` ratings.
    @inline(__always)
    private static func solveDual(
        _ start: Int, _ count: Int, _ columns: UnsafePointer<Int32>, _ ratings: UnsafePointer<Float>,
        _ fixed: UnsafePointer<Float>, _ pairs: PairTable?, _ output: UnsafeMutablePointer<Float>, _ lambda: Double,
        _ space: Workspace
    ) {
        let rank = space.rank
        let kernel = space.gram
        let c = space.rhs
        for p in 0..<count {
            let yp = fixed + Int(columns[start + p]) * rank
            c[p] = Double(ratings[start + p])
            for q in 0..<(p + 1) {
                if let pairs {
                    kernel[p * count + q] = pairs.product(Int(columns[start + p]), Int(columns[start + q]))
                    continue
                }
                let yq = fixed + Int(columns[start + q]) * rank
                var sum = 0.0
                for f in 0..<rank { sum += Double(yp[f]) * Double(yq[f]) }
                kernel[p * count + q] = sum
            }
            kernel[p * count + p] += lambda
        }
        guard Cholesky.solve(kernel, c, count) else {
            for f in 0..<rank { output[f] = .nan }
            return
        }
        for f in 0..<rank { space.x[f] = 0 }
        for p in 0..<count {
            let yp = fixed + Int(columns[start + p]) * rank
            for f in 0..<rank { space.x[f] += c[p] * Double(yp[f]) }
        }
        for f in 0..<rank { output[f] = Float(space.x[f]) }
    }

    /// `Σ a[i] b[i]` over `count` (a multiple of the lane count) values.
    @inline(__always)
    private static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ count: Int) -> Double {
        var sum = Lanes()
        var index = 0
        while index < count {
            let x = UnsafeRawPointer(a + index).loadUnaligned(as: Lanes.self)
            let y = UnsafeRawPointer(b + index).loadUnaligned(as: Lanes.self)
            sum += x * y
            index += Lanes.scalarCount
        }
        return sum.sum()
    }
}
