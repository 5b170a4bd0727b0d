/// One rating's forward pass through an SVD, RSVD or neural model, on the flat parameter buffer
/// described by `FactorLayout` (prediction, validation, and the reference for the gradient
/// tests; training runs whole chunks in `ExactAdamStep`, `LazyAdamStep` and `NeuralLayers`).
enum FactorForward {
    /// The model's rating for (user, movie). For the neural model `scratch` must hold
    /// `inputWidth + hiddenUnits` floats; it receives the input `x` then the hidden layer `h`.
    @inline(__always)
    static func predict(
        _ weights: Memory<Float>, _ layout: FactorLayout, user: Int, movie: Int, scratch: Memory<Float>?
    ) -> Float {
        let k = layout.factors
        let userRow = weights + layout.userFactors.lowerBound + user * k
        let movieRow = weights + layout.movieFactors.lowerBound + movie * k
        switch layout.kind {
        case .svd:
            return VectorKernels.dot(userRow, movieRow, k)
        case .rsvd:
            return VectorKernels.dot(userRow, movieRow, k) + weights[layout.userBias.lowerBound + user]
                + weights[layout.movieBias.lowerBound + movie] + weights[layout.globalBias.lowerBound]
        case .neural:
            let x = scratch!
            let width = layout.inputWidth
            let units = layout.hiddenUnits
            let h = x + width
            for index in 0..<k {
                x[index] = movieRow[index]
                x[k + index] = userRow[index]
            }
            x[2 * k] = weights[layout.userBias.lowerBound + user]
            x[2 * k + 1] = weights[layout.movieBias.lowerBound + movie]
            let hiddenWeights = weights + layout.hiddenWeights.lowerBound
            for unit in 0..<units { h[unit] = weights[layout.hiddenBias.lowerBound + unit] }
            for input in 0..<width {
                VectorKernels.axpy(x[input], hiddenWeights + input * units, h, units)
            }
            for unit in 0..<units where h[unit] < 0 { h[unit] = 0 }
            return VectorKernels.dot(h, weights + layout.outputWeights.lowerBound, units)
                + weights[layout.outputBias.lowerBound]
        }
    }
}
