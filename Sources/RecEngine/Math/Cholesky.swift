/// Solves the small symmetric positive-definite systems of ALS, `A x = b`, by Cholesky
/// factorisation `A = L Lᵀ` in place (Golub & Van Loan, algorithm 4.2.1). `A` is a dense
/// row-major `n x n` buffer of which only the lower triangle is read; it is overwritten by `L`.
/// `b` is overwritten by `x`. Doubles, as Spark's normal equations use.
///
/// Returns false when `A` is not positive definite (a zero or negative pivot), which with a
/// positive regularisation only happens for non-finite input.
enum Cholesky {
    static func solve(_ a: Memory<Double>, _ b: Memory<Double>, _ n: Int) -> Bool {
        for j in 0..<n {
            var pivot = a[j * n + j]
            for k in 0..<j { pivot -= a[j * n + k] * a[j * n + k] }
            guard pivot > 0, pivot.isFinite else { return false }
            let diagonal = pivot.squareRoot()
            a[j * n + j] = diagonal
            for i in (j + 1)..<max(j + 1, n) {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= a[i * n + k] * a[j * n + k] }
                a[i * n + j] = sum / diagonal
            }
        }
        // Forward: L y = b.
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= a[i * n + k] * b[k] }
            b[i] = sum / a[i * n + i]
        }
        // Backward: Lᵀ x = y.
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[i]
            for k in (i + 1)..<max(i + 1, n) { sum -= a[k * n + i] * b[k] }
            b[i] = sum / a[i * n + i]
        }
        return true
    }
}
