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
    /// Where the notebook's Spark session ran, when it had one.
    public var spark: SparkProvenance? = nil
}

/// The Spark session a report's Spark cells ran on, and what Spark read itself (data that never
/// passed through recbook, so it has no digest here).
public struct SparkProvenance: Sendable, Hashable, Codable {
    public var master: String
    public var sparkVersion: String
    /// What `load ... engine=spark` had Spark read, in order.
    public var read: [String]

    /// One line for the report's header.
    public var summary: String {
        "master \(master), Spark \(sparkVersion)" + (read.isEmpty ? "" : "; read by Spark: " + read.joined(separator: ", "))
    }
}
