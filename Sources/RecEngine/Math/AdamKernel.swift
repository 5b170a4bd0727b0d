import CIntrinsics

enum AdamKernel {
    /// Updates `count` consecutive parameters from `start`: every one's moments decay and every
    /// one moves, whether or not it had a gradient (Keras' dense Adam). Inlined: lazy Adam calls
    /// it once per eight-float record, where a call costs as much as the update.
    @inline(__always)
    static func dense(
        weights: Memory<Float>, first: Memory<Float>, second: Memory<Float>, gradient: Memory<Float>,
        range: Range<Int>, l2: Float, settings: AdamSettings, stepSize: Float
    ) {
        let beta1 = settings.beta1
        let beta2 = settings.beta2
        let epsilon = settings.epsilon
        let keep1 = 1 - beta1
        let keep2 = 1 - beta2
        let decay = 2 * l2
        var index = range.lowerBound
        // Eight lanes at a time by hand: the four views may alias as far as the compiler
        // knows, so it will not vectorise the scalar loop. Same operations in the same order
        // per element, so the lanes give the same bits as the scalar tail (a square root is
        // correctly rounded whichever instruction takes it).
        while index + 8 <= range.upperBound {
            let w = weights.load(SIMD8<Float>.self, at: index)
            let g = gradient.load(SIMD8<Float>.self, at: index) + decay * w
            let m = beta1 * first.load(SIMD8<Float>.self, at: index) + keep1 * g
            let v = beta2 * second.load(SIMD8<Float>.self, at: index) + keep2 * g * g
            first.store(m, at: index)
            second.store(v, at: index)
            weights.store(w - stepSize * m / (recbook_sqrt8(v) + epsilon), at: index)
            gradient.store(SIMD8<Float>(repeating: 0), at: index)
            index += 8
        }
        while index < range.upperBound {
            let w = weights[index]
            let g = gradient[index] + decay * w
            let m = beta1 * first[index] + keep1 * g
            let v = beta2 * second[index] + keep2 * g * g
            first[index] = m
            second[index] = v
            weights[index] = w - stepSize * m / (v.squareRoot() + epsilon)
            gradient[index] = 0
            index += 1
        }
    }
}
