import COpenBLAS

/// The neural model's dense layers as matrix products over a chunk of ratings, through Debian's
/// OpenBLAS: per rating the layers cost 3 x 960 multiply-adds, which a packed, blocked GEMM with
/// FMA does several times faster than Swift's portable SIMD (no FMA without a target flag).
/// The only file that imports `COpenBLAS`.
///
/// Determinism: OpenBLAS runs single-threaded here (`FactorWorkspace` parallelises over fixed
/// chunks itself), and a single-threaded GEMM of given sizes always adds in the same order.
enum DenseLayers {
    /// Called once before the first product: our chunks are the parallelism.
    static let singleThreaded: Void = { openblas_set_num_threads(1) }()

    /// `c = op(a) · op(b) + beta * c`, row-major, `c` being `rows` × `columns` and the product
    /// running over `inner`; `op` transposes the operand when its flag says so (`a` is then
    /// stored `inner` × `rows`, `b` `columns` × `inner`).
    static func multiply(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>, rows: Int, inner: Int,
        columns: Int, beta: Float, transposeA: Bool = false, transposeB: Bool = false
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans, Int32(rows),
            Int32(columns), Int32(inner), 1, a, Int32(transposeA ? rows : inner), b, Int32(transposeB ? inner : columns),
            beta, c, Int32(columns))
    }
}
