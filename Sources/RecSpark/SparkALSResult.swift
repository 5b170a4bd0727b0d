import RecEngine

/// What a Spark ALS run gives back, checked: one prediction per test row, the factors, and
/// where the time went.
public struct SparkALSResult: Sendable {
    /// One per test row, in test order; NaN only where Spark had no factors (cold start).
    public var predictions: [Double]
    /// Spark's factors as an ALS model, so evaluation and recommendations work on it as on the embedded one.
    public var model: ALSModel
    public var timings: Timings
    /// The master the job actually ran on, as Spark reports it.
    public var master: String
    public var sparkVersion: String

    public init(predictions: [Double], model: ALSModel, timings: Timings, master: String, sparkVersion: String) {
        self.predictions = predictions
        self.model = model
        self.timings = timings
        self.master = master
        self.sparkVersion = sparkVersion
    }

    public struct Timings: Sendable, Hashable, Codable {
        /// Starting the JVM and the Spark session, as the driver measured it; `nil` when the run
        /// used a session an earlier cell had started.
        public var startup: Double?
        public var fit: Double
        public var predict: Double
        /// Wall time of the whole request, seen from recbook.
        public var total: Double

        public init(startup: Double?, fit: Double, predict: Double, total: Double) {
            self.startup = startup
            self.fit = fit
            self.predict = predict
            self.total = total
        }
    }
}
