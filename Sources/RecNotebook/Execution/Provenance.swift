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
