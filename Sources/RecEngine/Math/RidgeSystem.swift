/// One thread's scratch space and kernels for small ridge-regression systems over chosen rows of
/// a fixed row-major matrix `Y` (`rank` floats per row, read as doubles):
///
///     x = (Y_Sᵀ Y_S + λ I)⁻¹ Y_Sᵀ v
///
/// where the entries `e` of a range pick rows `S = columns[e]` of `Y` with values `v = values[e]`.
/// Each solution is written as floats into `rank` cells of shared output. The buffers are reused
/// from one system to the next; every sum runs in one fixed order, so results never depend on
/// how many threads solve systems side by side.
///
/// Hand-written because it is the whole cost of its callers (ALS's half-steps). Two things make
/// it fast:
///
/// - `solveDual` solves a system with fewer entries `n` than the rank through the push-through
///   identity, `x = Y_Sᵀ (Y_S Y_Sᵀ + λ I)⁻¹ v`: the same solution from an `n x n` system.
/// - `accumulateGram` sums `Y_Sᵀ Y_S` a block of entries at a time, with the block stored
///   transposed so that every Gram entry is a SIMD dot product over contiguous memory.
struct RidgeSystem {
    /// Entries per block of the Gram accumulation; a multiple of the SIMD width.
    static let block = 64
    /// How many entries ahead the Gram path asks for a row of `Y`. The rows of one system may be
    /// scattered over millions of rows, so without the hint nearly every entry waits on memory.
    static let prefetchDistance = 32
    typealias Lanes = SIMD8<Double>

    let rank: Int
    /// `rank x block`, column `p` of the block is entry `p`'s row of `Y`.
    private let transposed: Memory<Double>
    private let values: Memory<Double>
    private let gram: Memory<Double>
    private let rhs: Memory<Double>
    private let x: Memory<Double>

    /// Runs `body` with a system of rank `rank` whose buffers are scratch that lives as long as
    /// `body` does. The system owns nothing, so the solve loops pass it around without
    /// reference counting.
    static func with<Result>(rank: Int, _ body: (RidgeSystem) -> Result) -> Result {
        let count = rank * block + block + rank * rank + 2 * rank
        return Memory<Double>.withScratch(count: count) { scratch in
            scratch.update(repeating: 0, count: count)
            return body(RidgeSystem(rank: rank, scratch: scratch))
        }
    }

    private init(rank: Int, scratch: Memory<Double>) {
        self.rank = rank
        transposed = scratch
        values = scratch + rank * Self.block
        gram = values + Self.block
        rhs = gram + rank * rank
        x = rhs + rank
    }

    /// Sets the system to `A = Y_Sᵀ Y_S` (its lower triangle: the solvers read no more) and
    /// `b = Y_Sᵀ v` over `entries`. `Y` stays floats in memory, half the bytes to fetch per
    /// entry, and becomes doubles as it is read.
    func accumulateGram(
        _ entries: Range<Int>, columns: SharedReads<Int32>, values entryValues: SharedReads<Float>, of matrix: SharedReads<Float>
    ) {
        let fixed = matrix.memory
        let a = gram
        let b = rhs
        let block = Self.block
        a.update(repeating: 0, count: rank * rank)
        b.update(repeating: 0, count: rank)
        var entry = entries.lowerBound
        let end = entries.upperBound
        while entry < end {
            let filled = min(block, end - entry)
            let padded = (filled + Lanes.scalarCount - 1) / Lanes.scalarCount * Lanes.scalarCount
            for p in 0..<padded {
                let inBlock = p < filled
                if entry + p + Self.prefetchDistance < end {
                    // A row of `rank` floats may straddle two cache lines: ask for both ends.
                    let ahead = fixed + Int(columns[entry + p + Self.prefetchDistance]) * rank
                    ahead.prefetchForRead()
                    ahead.prefetchForRead(rank - 1)
                }
                let y = fixed + (inBlock ? Int(columns[entry + p]) * rank : 0)
                for f in 0..<rank { transposed[f * block + p] = inBlock ? Double(y[f]) : 0 }
                values[p] = inBlock ? Double(entryValues[entry + p]) : 0
            }
            for i in 0..<rank {
                let yi = transposed + i * block
                b[i] += Self.dot(yi, values, padded)
                for j in 0..<(i + 1) { a[i * rank + j] += Self.dot(yi, transposed + j * block, padded) }
            }
            entry += filled
        }
    }

    /// Adds `lambda` to the diagonal of `A`.
    func addToDiagonal(_ lambda: Double) {
        for i in 0..<rank { gram[i * rank + i] += lambda }
    }

    /// Solves `A x = b` by Cholesky into `output[start..<start + rank]`; NaNs when `A` is not
    /// positive definite.
    func solveCholesky(into output: DisjointWrites<Float>, at start: Int) {
        if Cholesky.solve(gram, rhs, rank) {
            for f in 0..<rank { output[start + f] = Float(rhs[f]) }
        } else {
            for f in 0..<rank { output[start + f] = .nan }
        }
    }

    /// Minimises `½ xᵀ A x - bᵀ x` subject to `x >= 0` into `output[start..<start + rank]`.
    func solveNonNegative(into output: DisjointWrites<Float>, at start: Int) {
        for i in 0..<rank { for j in (i + 1)..<max(i + 1, rank) { gram[i * rank + j] = gram[j * rank + i] } }
        NonNegativeLeastSquares.solve(gram, rhs, x, rank)
        for f in 0..<rank { output[start + f] = Float(x[f]) }
    }

    /// `x = Y_Sᵀ (Y_S Y_Sᵀ + λ I)⁻¹ v` over `entries` (fewer than `rank` of them) into
    /// `output[start..<start + rank]`; NaNs when the system is not positive definite. `products`,
    /// when given, holds every `y_a · y_b` of `matrix`, summed as this would sum them.
    func solveDual(
        _ entries: Range<Int>, columns: SharedReads<Int32>, values entryValues: SharedReads<Float>, of matrix: SharedReads<Float>,
        products: RowDotProducts?, lambda: Double, into output: DisjointWrites<Float>, at start: Int
    ) {
        let fixed = matrix.memory
        let first = entries.lowerBound
        let count = entries.count
        let kernel = gram
        let c = rhs
        for p in 0..<count {
            let yp = fixed + Int(columns[first + p]) * rank
            c[p] = Double(entryValues[first + p])
            for q in 0..<(p + 1) {
                if let products {
                    kernel[p * count + q] = products.product(Int(columns[first + p]), Int(columns[first + q]))
                    continue
                }
                let yq = fixed + Int(columns[first + q]) * rank
                var sum = 0.0
                for f in 0..<rank { sum += Double(yp[f]) * Double(yq[f]) }
                kernel[p * count + q] = sum
            }
            kernel[p * count + p] += lambda
        }
        guard Cholesky.solve(kernel, c, count) else {
            for f in 0..<rank { output[start + f] = .nan }
            return
        }
        for f in 0..<rank { x[f] = 0 }
        for p in 0..<count {
            let yp = fixed + Int(columns[first + p]) * rank
            for f in 0..<rank { x[f] += c[p] * Double(yp[f]) }
        }
        for f in 0..<rank { output[start + f] = Float(x[f]) }
    }

    /// `Σ a[i] b[i]` over `count` (a multiple of the lane count) values.
    @inline(__always)
    private static func dot(_ a: Memory<Double>, _ b: Memory<Double>, _ count: Int) -> Double {
        var sum = Lanes()
        var index = 0
        while index < count {
            sum += a.load(Lanes.self, at: index) * b.load(Lanes.self, at: index)
            index += Lanes.scalarCount
        }
        return sum.sum()
    }
}
