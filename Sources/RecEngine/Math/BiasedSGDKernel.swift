/// One epoch of Surprise's SGD for the biased SVD (the update rule is in `BiasedSGDConfig`).
/// Sequential by nature: each rating sees the updates of the one before. The columns come
/// already in walking order.
enum BiasedSGDKernel {
    static func epoch(
        users: [Int32], movies: [Int32], ratings: [Float], mean: Float, userBias: inout [Float],
        movieBias: inout [Float], userFactors: inout [Float], movieFactors: inout [Float], factors k: Int,
        learningRate lr: Float, regularization reg: Float
    ) {
        let hasFactors = k > 0 && !userFactors.isEmpty && !movieFactors.isEmpty
        Memory.with(&userBias) { userBias in
            Memory.with(&movieBias) { movieBias in
                Memory.with(&userFactors) { p in
                    Memory.with(&movieFactors) { q in
                        walk(
                            users: users, movies: movies, ratings: ratings, mean: mean, userBias: userBias,
                            movieBias: movieBias, p: hasFactors ? p : nil, q: hasFactors ? q : nil, k: k, lr: lr, reg: reg)
                    }
                }
            }
        }
    }

    /// How many ratings ahead the walk asks for a user's row and bias: the walk takes users in
    /// the table's (random) order, so each new user's row is a miss unless asked for early.
    private static let prefetchDistance = 16

    private static func walk(
        users: [Int32], movies: [Int32], ratings: [Float], mean: Float, userBias: Memory<Float>,
        movieBias: Memory<Float>, p: Memory<Float>?, q: Memory<Float>?, k: Int,
        lr: Float, reg: Float
    ) {
        for row in 0..<ratings.count {
            let user = Int(users[row])
            let movie = Int(movies[row])
            if row + prefetchDistance < ratings.count, let p {
                let ahead = Int(users[row + prefetchDistance])
                p.prefetchForWrite(ahead * k)
                p.prefetchForWrite(ahead * k + k - 1)
                userBias.prefetchForWrite(ahead)
            }
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
                // Eight factors at a time by hand (pu and qi may alias as far as the compiler
                // knows, so it keeps the loop scalar); the same operations per factor as the tail.
                var factor = 0
                while factor + 8 <= k {
                    let userValues = pu.load(SIMD8<Float>.self, at: factor)
                    let movieValues = qi.load(SIMD8<Float>.self, at: factor)
                    pu.store(userValues + lr * (error * movieValues - reg * userValues), at: factor)
                    qi.store(movieValues + lr * (error * userValues - reg * movieValues), at: factor)
                    factor += 8
                }
                while factor < k {
                    let userValue = pu[factor]
                    let movieValue = qi[factor]
                    pu[factor] = userValue + lr * (error * movieValue - reg * userValue)
                    qi[factor] = movieValue + lr * (error * userValue - reg * movieValue)
                    factor += 1
                }
            }
        }
    }
}
