/// The few vector loops the trainers spend their time in, on raw pointers so that the compiler
/// keeps them tight. Every reduction adds in one fixed order (eight lanes, then the lanes left
/// to right, then the tail), so results never depend on the caller's thread count.
enum VectorKernels {
    /// `sum(a[i] * b[i])` over `count` elements.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var index = 0
        // Eight independent accumulators: the loop is latency-bound otherwise.
        while index + 8 <= count {
            let left = UnsafeRawPointer(a + index).loadUnaligned(as: SIMD8<Float>.self)
            let right = UnsafeRawPointer(b + index).loadUnaligned(as: SIMD8<Float>.self)
            // Not addProduct: without an FMA target feature it becomes a libm call per lane.
            lanes += left * right
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
    static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ count: Int) {
        var index = 0
        // By hand: x and y may alias as far as the compiler knows, so it keeps the loop scalar.
        // Elementwise, so the lanes give the same bits as the scalar tail.
        while index + 8 <= count {
            let left = UnsafeRawPointer(x + index).loadUnaligned(as: SIMD8<Float>.self)
            let right = UnsafeRawPointer(y + index).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(y + index).storeBytes(of: right + alpha * left, as: SIMD8<Float>.self)
            index += 8
        }
        while index < count {
            y[index] += alpha * x[index]
            index += 1
        }
    }
}
