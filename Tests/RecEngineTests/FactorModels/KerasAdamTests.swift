import Foundation
import Testing

@testable import RecEngine

/// Adam with Keras' defaults (beta1 0.9, beta2 0.999, epsilon 1e-7), checked step by step on a
/// problem small enough to follow by hand: RSVD with k = 1, two users, two movies, three ratings,
/// three batches. The expected weights come from Keras 3's update written out in `Double`:
///
///     t += 1;  alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
///     m = beta1 * m + (1 - beta1) * g;   v = beta2 * v + (1 - beta2) * g^2
///     w -= alpha * m / (sqrt(v) + epsilon)          (epsilon "hat": added after the square root)
///
/// with g the gradient of the batch's mean squared error plus Keras' L2 term 2 * l2 * w on the
/// embeddings (factors and biases, not the global bias). Exact Adam updates every parameter at
/// every step; lazy Adam (TensorFlow's LazyAdam) only the rows the batch looks up, with the
/// global step count in alpha.
@Suite struct KerasAdamTests {
    static let settings = AdamSettings(learningRate: 0.01)
    static let l2 = 0.01
    static let layout = FactorLayout(kind: .rsvd, users: 2, movies: 2, factors: 1, hiddenUnits: 0)
    /// p_0 p_1 | q_0 q_1 | b_u0 b_u1 | b_i0 b_i1 | global
    static let initial: [Float] = [0.5, -0.3, 0.4, 0.2, 0.1, -0.2, 0.3, 0.05, 3.0]
    /// (user, movie, rating); the batches are rows 0..<2 (user 0 only), 2..<3 (user 1 only,
    /// so user 0 and movie 0 sit out) and 3..<6 (everything), each grouped by user.
    static let rows: [(Int, Int, Double)] = [(0, 0, 4), (0, 1, 2), (1, 1, 5), (0, 0, 4), (0, 1, 2), (1, 1, 5)]
    static let batches = [0..<2, 2..<3, 3..<6]

    /// Keras' Adam on this problem, in Double.
    struct Reference {
        var w = initial.map(Double.init)
        var m = [Double](repeating: 0, count: initial.count)
        var v = [Double](repeating: 0, count: initial.count)
        var t = 0.0

        mutating func step(_ batch: Range<Int>, lazy: Bool) {
            t += 1
            let (beta1, beta2, epsilon) = (0.9, 0.999, 1e-7)
            let alpha = Double(settings.learningRate) * (1 - pow(beta2, t)).squareRoot() / (1 - pow(beta1, t))
            var g = [Double](repeating: 0, count: w.count)
            var touched: Set<Int> = [8]
            for (user, movie, rating) in rows[batch] {
                let (p, q, bu, bi) = (user, 2 + movie, 4 + user, 6 + movie)
                let error = w[p] * w[q] + w[bu] + w[bi] + w[8] - rating
                let s = 2 * error / Double(batch.count)  // d(mean squared error)/d(prediction)
                g[p] += s * w[q]
                g[q] += s * w[p]
                g[bu] += s
                g[bi] += s
                g[8] += s
                touched.formUnion([p, q, bu, bi])
            }
            for index in 0..<w.count where !lazy || touched.contains(index) {
                if index < 8 { g[index] += 2 * l2 * w[index] }
                m[index] = beta1 * m[index] + (1 - beta1) * g[index]
                v[index] = beta2 * v[index] + (1 - beta2) * g[index] * g[index]
                w[index] -= alpha * m[index] / (v[index].squareRoot() + epsilon)
            }
        }
    }

    /// The weights after each of the three batches, trained by recbook.
    static func trained(lazy: Bool) -> [[Float]] {
        let workspace: any FactorOptimizer =
            lazy
            ? LazyAdamStep(layout: layout, initial: initial, maxBatch: 3, threads: 2, adam: settings, l2: Float(l2))
            : ExactAdamStep(layout: layout, initial: initial, maxBatch: 3, threads: 2, adam: settings, l2: Float(l2))
        let users = rows.map { Int32($0.0) }
        let movies = rows.map { Int32($0.1) }
        let ratings = rows.map { Float($0.2) }
        return batches.map { batch in
            Memory.reading(users) { users in
                Memory.reading(movies) { movies in
                    Memory.reading(ratings) { ratings in
                        _ = workspace.train(rows: batch, users: users, movies: movies, ratings: ratings)
                    }
                }
            }
            return workspace.parameters
        }
    }

    @Test(arguments: [false, true])
    func threeStepsMatchKerasFormula(lazy: Bool) {
        var reference = Reference()
        for (step, weights) in Self.trained(lazy: lazy).enumerated() {
            reference.step(Self.batches[step], lazy: lazy)
            for index in weights.indices {
                // Float against Double over three steps of size ~0.01: 2e-6 is about 8 Float ulps at 3.0.
                #expect(
                    abs(Double(weights[index]) - reference.w[index]) <= 2e-6,
                    "\(lazy ? "lazy" : "exact") Adam, step \(step + 1), parameter \(index): \(weights[index]) vs \(reference.w[index])"
                )
            }
        }
    }

    /// Adam's first step, by hand: m = 0.1 g and v = 0.001 g^2, so the move is
    /// lr * g / (|g| + epsilon / sqrt(0.001)), i.e. lr * sign(g) to within 0.1% for these
    /// gradients (the smallest is 0.004). Without the bias correction it would be lr * 3.16.
    @Test func theFirstStepMovesEveryParameterWithAGradientByTheLearningRate() {
        let after = Self.trained(lazy: false)[0]
        let lr = Double(Self.settings.learningRate)
        // Signs of the first batch's gradients (ratings 4 and 2 for user 0; predictions 3.6, 3.25),
        // L2 included: user 1 and its bias have only the L2 term, so they move towards zero.
        let signs: [Double] = [1, -1, -1, 1, 1, -1, -1, 1, 1]
        for index in after.indices {
            let move = Double(Self.initial[index]) - Double(after[index])
            #expect(abs(move - lr * signs[index]) <= 1e-3 * lr, "parameter \(index) moved \(move)")
        }
    }

    @Test func lazyAdamLeavesRowsOutsideTheBatchAlone() {
        let lazy = Self.trained(lazy: true)
        let exact = Self.trained(lazy: false)
        // Batch 2 rates only movie 1 by user 1: user 0 (p_0, b_u0) and movie 0 (q_0, b_i0) sit out.
        for index in [0, 2, 4, 6] {
            #expect(lazy[1][index] == lazy[0][index], "lazy: parameter \(index) must not move")
            #expect(exact[1][index] != exact[0][index], "exact: parameter \(index) decays and moves")
        }
    }
}
