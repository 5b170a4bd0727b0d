import RecEngine

/// ALS's settings as both of the driver's ALS requests (`als`, `als_on_data`) take them. Spark
/// seeds with a non-negative 32-bit integer, so the seed keeps its low 31 bits.
struct SparkALSSettings: Encodable {
    var rank: Int
    var iterations: Int
    var regularization: Double
    var nonnegative: Bool
    var seed: Int

    init(_ config: ALSConfig) {
        rank = config.rank
        iterations = config.iterations
        regularization = config.regularization
        nonnegative = config.nonnegative
        seed = Int(truncatingIfNeeded: config.seed & 0x7FFF_FFFF)
    }
}
