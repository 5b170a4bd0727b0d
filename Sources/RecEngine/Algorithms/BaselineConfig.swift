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

    public func validate() throws(ConfigError) {
        guard (1...10_000).contains(epochs) else {
            throw ConfigError(setting: "epochs", allowed: "from 1 to 10000", given: "\(epochs)")
        }
        guard userRegularization >= 0 && userRegularization.isFinite else {
            throw ConfigError(setting: "reg-u", allowed: "a finite number >= 0", given: "\(userRegularization)")
        }
        guard movieRegularization >= 0 && movieRegularization.isFinite else {
            throw ConfigError(setting: "reg-i", allowed: "a finite number >= 0", given: "\(movieRegularization)")
        }
    }

    public var summary: String {
        "ALS, \(epochs) epochs, reg-u=\(userRegularization), reg-i=\(movieRegularization)"
    }
}
