import Foundation

/// A small, fast, seedable generator (Steele, Lea and Flood, "Fast splittable pseudorandom
/// number generators", 2014). recbook never uses global randomness: every random step owns one
/// of these, seeded from the notebook's master seed through `derived(_:)`, so a report is the
/// same on every machine and at any thread count.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` without a division in all but a few draws per 2^64/bound
    /// (Lemire, "Fast random integer generation in an interval", 2019): the high half of
    /// `next() * bound`, redrawn when the low half falls in the biased sliver.
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    /// A uniform `Double` in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal deviate (Box-Muller; the second value is dropped to keep the stream simple).
    public mutating func nextGaussian() -> Double {
        var u = nextUnit()
        while u <= .leastNonzeroMagnitude { u = nextUnit() }
        let v = nextUnit()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// A seed for an independent stream, derived from `seed` and a stream number, so that
    /// parallel chunks get their own generators without sharing state.
    public static func derived(_ seed: UInt64, _ stream: UInt64) -> UInt64 {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return mixer.next()
    }
}
