/// A chunk's running sums over its ratings: squared and absolute errors, and the global bias's
/// gradient (the sum of `scale * error`).
struct ErrorSums {
    var squared = 0.0
    var absolute = 0.0
    var bias = 0.0

    @inline(__always)
    mutating func add(_ error: Float, _ delta: Float) {
        squared += Double(error) * Double(error)
        absolute += Double(abs(error))
        bias += Double(delta)
    }
}
