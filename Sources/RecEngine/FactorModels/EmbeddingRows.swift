/// Where each user's (or movie's) k factors and bias sit: in the flat tables (stride k and 1)
/// or in lazy Adam's records (both strides one record).
struct EmbeddingRows: @unchecked Sendable {
    let factors: UnsafeMutablePointer<Float>
    let factorStride: Int
    let biases: UnsafeMutablePointer<Float>
    let biasStride: Int

    init(factors: UnsafeMutablePointer<Float>, factorStride: Int, biases: UnsafeMutablePointer<Float>, biasStride: Int) {
        self.factors = factors
        self.factorStride = factorStride
        self.biases = biases
        self.biasStride = biasStride
    }

    /// The flat tables' rows; with no bias block, `bias` points at the factors and must not be used.
    init(flat base: UnsafeMutablePointer<Float>, _ factorBlock: Range<Int>, _ biasBlock: Range<Int>, factors k: Int) {
        self.init(
            factors: base + factorBlock.lowerBound, factorStride: k, biases: base + biasBlock.lowerBound, biasStride: 1)
    }

    @inline(__always) func row(_ id: Int) -> UnsafeMutablePointer<Float> { factors + id * factorStride }
    @inline(__always) func bias(_ id: Int) -> UnsafeMutablePointer<Float> { biases + id * biasStride }
}
