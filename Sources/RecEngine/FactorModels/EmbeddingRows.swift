/// Where each user's (or movie's) k factors and bias sit: in the flat tables (stride k and 1)
/// or in lazy Adam's records (both strides one record).
struct EmbeddingRows: Sendable {
    let factors: Memory<Float>
    let factorStride: Int
    let biases: Memory<Float>
    let biasStride: Int

    init(factors: Memory<Float>, factorStride: Int, biases: Memory<Float>, biasStride: Int) {
        self.factors = factors
        self.factorStride = factorStride
        self.biases = biases
        self.biasStride = biasStride
    }

    /// The flat tables' rows. With no bias block (SVD), every `bias` is the first factor: the
    /// loops may form it, never use it.
    init(flat base: Memory<Float>, _ factorBlock: Range<Int>, _ biasBlock: Range<Int>, factors k: Int) {
        let biased = !biasBlock.isEmpty
        self.init(
            factors: base + factorBlock.lowerBound, factorStride: k,
            biases: base + (biased ? biasBlock.lowerBound : factorBlock.lowerBound), biasStride: biased ? 1 : 0)
    }

    @inline(__always) func row(_ id: Int) -> Memory<Float> { factors + id * factorStride }
    @inline(__always) func bias(_ id: Int) -> Memory<Float> { biases + id * biasStride }
}
