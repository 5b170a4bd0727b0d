/// The few vector loops the trainers spend their time in, on `Memory` views so that the compiler
/// keeps them tight. Every reduction adds in one fixed order (eight lanes, then the lanes left
/// to right, then the tail), so results never depend on the caller's thread count.
enum VectorKernels {
    /// `sum(a[i] * b[i])` over `count` elements.
    @inline(__always)
    static func dot(_ a: Memory<Float>, _ b: Memory<Float>, _ count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var index = 0
        // Eight independent accumulators: the loop is latency-bound otherwise.
        while index + 8 <= count {
            // Not addProduct: without an FMA target feature it becomes a libm call per lane.
            lanes += a.load(SIMD8<Float>.self, at: index) * b.load(SIMD8<Float>.self, at: index)
            index += 8
        }
        var total = lanes.sum()
        while index < count {
            total += a[index] * b[index]
            index += 1
        }
        return total
    }

    /// `y[i] += alpha * x[i]` over `count` elements.
    @inline(__always)
    static func axpy(_ alpha: Float, _ x: Memory<Float>, _ y: Memory<Float>, _ count: Int) {
        var index = 0
        // By hand: x and y may alias as far as the compiler knows, so it keeps the loop scalar.
        // Elementwise, so the lanes give the same bits as the scalar tail.
        while index + 8 <= count {
            y.store(y.load(SIMD8<Float>.self, at: index) + alpha * x.load(SIMD8<Float>.self, at: index), at: index)
            index += 8
        }
        while index < count {
            y[index] += alpha * x[index]
            index += 1
        }
    }
}
