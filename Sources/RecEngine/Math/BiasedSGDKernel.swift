/// One epoch of Surprise's SGD for the biased SVD (the update rule is in `BiasedSGDConfig`).
/// Sequential by nature: each rating sees the updates of the one before. The columns come
/// already in walking order.
enum BiasedSGDKernel {
    static func epoch(
        users: [Int32], movies: [Int32], ratings: [Float], mean: Float, userBias: inout [Float],
        movieBias: inout [Float], userFactors: UnsafeMutableBufferPointer<Float>,
        movieFactors: UnsafeMutableBufferPointer<Float>, factors k: Int, learningRate lr: Float, regularization reg: Float
    ) {
        let p = userFactors.baseAddress
        let q = movieFactors.baseAddress
        for row in 0..<ratings.count {
            let user = Int(users[row])
            let movie = Int(movies[row])
            var dot: Float = 0
            if k > 0, let p, let q {
                dot = VectorKernels.dot(p + user * k, q + movie * k, k)
            }
            let error = ratings[row] - (mean + userBias[user] + movieBias[movie] + dot)
            userBias[user] += lr * (error - reg * userBias[user])
            movieBias[movie] += lr * (error - reg * movieBias[movie])
            if k > 0, let p, let q {
                let pu = p + user * k
                let qi = q + movie * k
                for factor in 0..<k {
                    let userValue = pu[factor]
                    let movieValue = qi[factor]
                    pu[factor] = userValue + lr * (error * movieValue - reg * userValue)
                    qi[factor] = movieValue + lr * (error * userValue - reg * movieValue)
                }
            }
        }
    }
}
