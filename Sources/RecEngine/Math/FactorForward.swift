/// One rating's forward and backward pass through an SVD, RSVD or neural model, on the flat
/// parameter buffer described by `FactorLayout`. Kept apart so that the pointer arithmetic of
/// training lives in one audited place.
enum FactorForward {
    /// The model's rating for (user, movie). For the neural model `scratch` must hold
    /// `inputWidth + hiddenUnits` floats; it receives the input `x` then the hidden layer `h`.
    @inline(__always)
    static func predict(
        _ weights: UnsafePointer<Float>, _ layout: FactorLayout, user: Int, movie: Int, scratch: UnsafeMutablePointer<Float>?
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

    /// The neural model's backward pass for one rating, after `predict` filled `scratch`.
    /// `delta` is dLoss/dPrediction. Adds the dense layers' gradient to `denseGradient` (indexed
    /// from `layout.denseBlock.lowerBound`) and writes dLoss/dx to `inputGradient`.
    @inline(__always)
    static func backwardNeural(
        _ weights: UnsafePointer<Float>, _ layout: FactorLayout, delta: Float, scratch: UnsafeMutablePointer<Float>,
        denseGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>
    ) {
        let width = layout.inputWidth
        let units = layout.hiddenUnits
        let base = layout.denseBlock.lowerBound
        let x = scratch
        let h = scratch + width
        let outputWeights = weights + layout.outputWeights.lowerBound
        let hiddenWeights = weights + layout.hiddenWeights.lowerBound
        // dLoss/dw2 = delta * h and dLoss/dc2 = delta.
        VectorKernels.axpy(delta, h, denseGradient + (layout.outputWeights.lowerBound - base), units)
        denseGradient[layout.outputBias.lowerBound - base] += delta
        // Reuse h's slot for dLoss/d(pre-activation): delta * w2 where the unit was active.
        for unit in 0..<units {
            h[unit] = h[unit] > 0 ? delta * outputWeights[unit] : 0
        }
        VectorKernels.axpy(1, h, denseGradient + (layout.hiddenBias.lowerBound - base), units)
        let hiddenGradient = denseGradient + (layout.hiddenWeights.lowerBound - base)
        for input in 0..<width {
            let row = input * units
            VectorKernels.axpy(x[input], h, hiddenGradient + row, units)
            inputGradient[input] = VectorKernels.dot(hiddenWeights + row, h, units)
        }
    }
}
