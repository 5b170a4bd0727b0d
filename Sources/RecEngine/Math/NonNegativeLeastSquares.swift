/// Minimises `½ xᵀ A x - bᵀ x` subject to `x >= 0` for a small symmetric positive-definite `A`
/// (the normal equations of one ALS row with Spark's `nonnegative=true`), by cyclic coordinate
/// descent with projection onto `x >= 0`. Each coordinate step is exact, so the objective never
/// increases; it stops when no coordinate moves by more than `tolerance`.
enum NonNegativeLeastSquares {
    static func solve(
        _ a: Memory<Double>, _ b: Memory<Double>, _ x: Memory<Double>, _ n: Int,
        maxSweeps: Int = 200, tolerance: Double = 1e-10
    ) {
        for i in 0..<n { x[i] = 0 }
        for _ in 0..<maxSweeps {
            var largestMove = 0.0
            for i in 0..<n {
                let diagonal = a[i * n + i]
                guard diagonal > 0 else { continue }
                var gradient = -b[i]
                for k in 0..<n { gradient += a[i * n + k] * x[k] }
                let updated = max(0, x[i] - gradient / diagonal)
                largestMove = max(largestMove, abs(updated - x[i]))
                x[i] = updated
            }
            if largestMove <= tolerance { return }
        }
    }
}
