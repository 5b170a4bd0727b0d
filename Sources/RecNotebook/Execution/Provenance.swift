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

/// What a report was computed from: enough to compute it again.
public struct Provenance: Sendable, Hashable, Codable {
    public var notebook: String
    public var engineVersion: String
    public var dataFolder: String
    public var seed: UInt64
    public var sources: [DataSource]
    /// Says plainly which data the numbers come from (real files or the synthetic preset).
    public var banner: String?
    /// The values of the notebook's `params` after `-p` overrides; `check` runs with them again.
    public var parameters: [String: String]? = nil
}
