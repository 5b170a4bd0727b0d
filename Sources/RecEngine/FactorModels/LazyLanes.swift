/// A lazy Adam record's row (`rowWidth` lanes: k factors, the bias if any, zeros) seen as
/// eight-lane pieces, with two constant masks per piece: `factors` is 1 on the factor lanes and
/// 0 elsewhere, `bias` is 1 on the bias lane only. `delta * (q * factors + bias)` is then a
/// rating's whole gradient term for the other side's row, factor and bias lanes in one product
/// (the bias's derivative is 1, not the other row's bias).
final class LazyLanes: Sendable {
    let pieces: Int
    let factors: Memory<SIMD8<Float>>
    let bias: Memory<SIMD8<Float>>
    private let arena = MemoryArena()

    init(factors k: Int, biased: Bool, rowWidth: Int) {
        precondition(rowWidth % 8 == 0 && k + (biased ? 1 : 0) <= rowWidth)
        pieces = rowWidth / 8
        factors = arena.allocate(pieces, repeating: SIMD8<Float>())
        bias = arena.allocate(pieces, repeating: SIMD8<Float>())
        for piece in 0..<pieces {
            var factorLanes = SIMD8<Float>()
            var biasLanes = SIMD8<Float>()
            for lane in 0..<8 {
                let index = piece * 8 + lane
                factorLanes[lane] = index < k ? 1 : 0
                biasLanes[lane] = biased && index == k ? 1 : 0
            }
            factors[piece] = factorLanes
            bias[piece] = biasLanes
        }
    }
}
