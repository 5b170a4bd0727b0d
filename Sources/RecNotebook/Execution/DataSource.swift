/// A data file a report was computed from, as the provenance header shows it.
public struct DataSource: Sendable, Hashable, Codable {
    /// `ratings` or `movies`.
    public var role: String
    /// The path as resolved from `--data`, or a description of generated data.
    public var path: String
    /// SHA-256 of the bytes that were read (or generated).
    public var sha256: String
    public var rows: Int
    /// The `synth` preset, when the data was generated.
    public var synthetic: String?
}
