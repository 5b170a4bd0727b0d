import CIntrinsics
import Foundation

/// Adam's update (Kingma and Ba, 2015) as Keras applies it:
///
///     g = gradient + 2 * l2 * w          (Keras' L2 regulariser adds l2 * sum(w^2) to the loss)
///     m = beta1 * m + (1 - beta1) * g
///     v = beta2 * v + (1 - beta2) * g^2
///     w -= alpha_t * m / (sqrt(v) + epsilon),   alpha_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
///
/// The kernels take the gradient buffer, consume it and leave it zeroed, so the trainer
/// never pays a separate pass to clear it.
public struct AdamSettings: Sendable, Hashable, Codable {
    public var learningRate: Float
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float

    /// Keras' defaults: lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7.
    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// The bias-corrected step size at step `t` (1-based), computed in `Double` as a scalar.
    func stepSize(at step: Int) -> Float {
        let t = Double(step)
        let correction = (1 - pow(Double(beta2), t)).squareRoot() / (1 - pow(Double(beta1), t))
        return Float(Double(learningRate) * correction)
    }
}

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
