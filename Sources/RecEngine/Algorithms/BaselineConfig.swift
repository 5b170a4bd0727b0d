/// Settings of Surprise's `BaselineOnly` with its default ALS fit (Koren 2010, section 2.1):
///
///     r̂ = μ + b_u + b_i,  minimise Σ (r - μ - b_u - b_i)² + reg_u Σ b_u² + reg_i Σ b_i²
///
/// alternating, `epochs` times: b_i = Σ_u (r - μ - b_u) / (reg_i + n_i), then
/// b_u = Σ_i (r - μ - b_i) / (reg_u + n_u). Surprise's defaults: 10 epochs, reg_i 10, reg_u 15.
public struct BaselineConfig: Sendable, Hashable, Codable {
    public var epochs: Int
    public var userRegularization: Double
    public var movieRegularization: Double

    public init(epochs: Int = 10, userRegularization: Double = 15, movieRegularization: Double = 10) {
        self.epochs = epochs
        self.userRegularization = userRegularization
        self.movieRegularization = movieRegularization
    }

    public func validate() throws(ModelConfigError) {
        guard (1...10_000).contains(epochs) else { throw ModelConfigError("epochs must be from 1 to 10000, not \(epochs)") }
        guard userRegularization >= 0 && movieRegularization >= 0 && userRegularization.isFinite && movieRegularization.isFinite
        else { throw ModelConfigError("reg-u and reg-i must be finite numbers >= 0") }
    }

    public var summary: String {
        "ALS, \(epochs) epochs, reg-u=\(userRegularization), reg-i=\(movieRegularization)"
    }
}
