/// Every dot product `y_a · y_b` of the rows of a small row-major matrix (`rank` floats per row),
/// each summed in doubles over `f = 0..<rank` in order, exactly as `RidgeSystem`'s dual path
/// sums it in place. For a matrix small enough to tabulate: Douban's 165 movies make 27,225
/// products (218 KB, built in well under a millisecond), and the dual kernels of the rows solved
/// against them become loads from L2 instead of dot products, with the same bits.
struct RowDotProducts: Sendable {
    /// Above this many rows the table (8 bytes per pair) stops paying for itself.
    static let maximumRows = 2_048
    private let products: [Double]
    private let rows: Int

    /// The table of `matrix`'s `rows` rows, or nil when there are too many.
    init?(_ matrix: SharedReads<Float>, rows: Int, rank: Int) {
        guard rows <= Self.maximumRows else { return nil }
        var products = [Double](repeating: 0, count: max(1, rows * rows))
        for a in 0..<rows {
            for b in 0..<(a + 1) {
                var sum = 0.0
                for f in 0..<rank { sum += Double(matrix[a * rank + f]) * Double(matrix[b * rank + f]) }
                products[a * rows + b] = sum
                products[b * rows + a] = sum
            }
        }
        self.products = products
        self.rows = rows
    }

    @inline(__always) func product(_ a: Int, _ b: Int) -> Double { products[a * rows + b] }
}
