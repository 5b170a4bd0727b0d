/// One row of an ALS half-step: the row's new factors `x = (Yᵀ Y + λ n I)⁻¹ Yᵀ r`, where `Y`
/// holds the fixed factors of the row's `n` rated columns and `r` their ratings. A row with no
/// ratings gets zeros, as Spark gives a user it has never seen no factors at all.
///
/// A row with fewer ratings than the rank (most Douban users rate a handful of films) solves
/// the `n x n` system of the push-through identity instead, `x = Yᵀ (Y Yᵀ + λ n I)⁻¹ r`: the
/// same solution from a smaller system. Non-negative ALS keeps the `k x k` form, which its
/// solver needs. The arithmetic is `RidgeSystem`'s.
enum NormalEquations {
    /// Solves `row` of `rows` against `fixed` (the other side's factors, `rank` per row) into
    /// `solved`'s row `row`. `products`, when given, tabulates `fixed`'s dot products.
    @inline(__always)
    static func solveRow(
        _ row: Int, of rows: SparseRows.Reads, fixed: SharedReads<Float>, products: RowDotProducts?,
        into solved: DisjointWrites<Float>, config: ALSConfig, _ system: RidgeSystem
    ) {
        let rank = system.rank
        let entries = rows.offsets[row]..<rows.offsets[row + 1]
        let output = row * rank
        guard !entries.isEmpty else {
            for f in 0..<rank { solved[output + f] = 0 }
            return
        }
        let lambda = config.regularization * Double(entries.count)
        if entries.count < rank && !config.nonnegative {
            system.solveDual(
                entries, columns: rows.columns, values: rows.ratings, of: fixed, products: products, lambda: lambda,
                into: solved, at: output)
            return
        }
        system.accumulateGram(entries, columns: rows.columns, values: rows.ratings, of: fixed)
        system.addToDiagonal(lambda)
        if config.nonnegative {
            system.solveNonNegative(into: solved, at: output)
        } else {
            system.solveCholesky(into: solved, at: output)
        }
    }
}
