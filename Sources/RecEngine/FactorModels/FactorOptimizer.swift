/// One optimiser over one training run's parameters, stepped batch by batch by `FactorTrainer`.
/// Both minimise the batch's mean squared error plus Keras' L2 term,
///
///     L = (1/B) Σ_batch (r̂_ui − r_ui)²  +  λ Σ w²   (w: the embedding rows; λ = 0 for SVD)
///
/// with Adam (Kingma & Ba, 2015; Keras' form, bias correction folded into the step size):
///
///     g = ∂L/∂w,  m ← β₁ m + (1 − β₁) g,  v ← β₂ v + (1 − β₂) g²,
///     w ← w − α √(1 − β₂ᵗ) / (1 − β₁ᵗ) · m / (√v + ε)
///
/// `ExactAdamStep` applies it to every parameter each step (Keras' Adam, its L2 over whole
/// tables); `LazyAdamStep` only to the rows the batch looks up (TensorFlow's LazyAdam).
protocol FactorOptimizer: AnyObject {
    /// One step on the ratings at `rows` of the three columns (the trainer gathers each
    /// epoch's order into contiguous columns, so a batch is a range). Returns the batch's sums
    /// of squared and absolute errors, before the step.
    func train(
        rows: Range<Int>, users: Memory<Int32>, movies: Memory<Int32>, ratings: Memory<Float>
    ) -> (squared: Double, absolute: Double)

    /// Sums of squared and absolute errors of the current parameters on `rows`.
    func errorSums(
        rows: Range<Int>, users: Memory<Int32>, movies: Memory<Int32>, ratings: Memory<Float>
    ) -> (squared: Double, absolute: Double)

    /// `λ Σ w²` over the embedding tables (the loss Keras' regularisers add), or nil when any
    /// parameter is NaN or infinite: one pass for both.
    func penaltyIfFinite() -> Double?

    /// Every parameter in `FactorLayout`'s order.
    var parameters: [Float] { get }
}
