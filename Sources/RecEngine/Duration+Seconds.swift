extension Duration {
    /// The duration in seconds, as a `Double`: for timings shown to users and written to reports.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
