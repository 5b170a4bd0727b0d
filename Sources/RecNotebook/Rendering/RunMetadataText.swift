/// How a cell's run is described beside its output: wall time, peak memory and what the cache
/// did. Like timings, none of it is a result: two renders of the same notebook may differ here
/// and only here, and `check` ignores it.
enum RunMetadataText {
    static func summary(_ run: CellRun) -> String {
        var parts = [TimingText.seconds(run.seconds)]
        if let bytes = run.peakMemoryBytes {
            parts.append("peak \(DisplayNumber.fixed(Double(bytes) / 1_048_576, 1)) MB")
        }
        parts += run.cacheEvents.map(\.summary)
        return parts.joined(separator: " · ")
    }
}
