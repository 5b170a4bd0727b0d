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

    /// The neural model's output layer for one rating, forward: `h[i] = max(h[i], 0)` in place,
    /// then `sum(h[i] * w[i])`. One pass instead of two; the sum runs in `dot`'s order, so the
    /// result has the same bits.
    @inline(__always)
    static func reluDot(_ h: UnsafeMutablePointer<Float>, _ w: UnsafePointer<Float>, _ count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var index = 0
        while index + 8 <= count {
            var active = UnsafeRawPointer(h + index).loadUnaligned(as: SIMD8<Float>.self)
            active.replace(with: 0, where: active .< 0)
            UnsafeMutableRawPointer(h + index).storeBytes(of: active, as: SIMD8<Float>.self)
            lanes += active * UnsafeRawPointer(w + index).loadUnaligned(as: SIMD8<Float>.self)
            index += 8
        }
        var total = lanes.sum()
        while index < count {
            if h[index] < 0 { h[index] = 0 }
            total += h[index] * w[index]
            index += 1
        }
        return total
    }

    /// The neural model's output layer for one rating, backward, with `delta` = dLoss/dp and `h`
    /// the layer's output (so `h > 0` exactly where a unit was active): adds `delta * h` to the
    /// output weights' gradient `gw`, turns `h` into dLoss/d(pre-activation) =
    /// `h > 0 ? delta * w : 0`, and adds that to the hidden biases' gradient `gc`. One pass
    /// instead of three; the same operations per element, so the same bits.
    @inline(__always)
    static func outputBackward(
        _ delta: Float, _ w: UnsafePointer<Float>, _ h: UnsafeMutablePointer<Float>,
        outputGradient gw: UnsafeMutablePointer<Float>, biasGradient gc: UnsafeMutablePointer<Float>, _ count: Int
    ) {
        var index = 0
        while index + 8 <= count {
            let output = UnsafeRawPointer(h + index).loadUnaligned(as: SIMD8<Float>.self)
            let weightGradient = UnsafeRawPointer(gw + index).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(gw + index).storeBytes(of: weightGradient + delta * output, as: SIMD8<Float>.self)
            let scaled = delta * UnsafeRawPointer(w + index).loadUnaligned(as: SIMD8<Float>.self)
            let backward = SIMD8<Float>(repeating: 0).replacing(with: scaled, where: output .> 0)
            UnsafeMutableRawPointer(h + index).storeBytes(of: backward, as: SIMD8<Float>.self)
            let biasGradient = UnsafeRawPointer(gc + index).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(gc + index).storeBytes(of: biasGradient + 1 * backward, as: SIMD8<Float>.self)
            index += 8
        }
        while index < count {
            gw[index] += delta * h[index]
            h[index] = h[index] > 0 ? delta * w[index] : 0
            gc[index] += 1 * h[index]
            index += 1
        }
    }
}
