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
