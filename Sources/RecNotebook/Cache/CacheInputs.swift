/// Everything a cached value was computed from. An entry stands for a computation only when
/// all of these are equal; the first that differs says why it was recomputed.
///
/// The rule is deliberately coarse ("every earlier cell, the data, the parameters, the cell
/// itself, the engine"): it can recompute more than needed, never less.
public struct CacheInputs: Sendable, Hashable, Codable {
    /// `EngineVersion.current` plus a fingerprint of the running build, so a rebuilt engine
    /// (a changed model default, a fixed bug) never reuses an old result.
    public var engine: String
    /// SHA-256 of every data file loaded so far, as `role:sha256`.
    public var data: [String]
    /// The notebook's parameter values after `-p` overrides.
    public var parameters: [String: String]
    /// SHA-256 of the fence info and code of every cell before this one.
    public var earlierCells: String
    /// SHA-256 of this cell's fence info and code.
    public var cell: String
    /// What the verb adds to the key, e.g. its model settings.
    public var extra: String

    public init(
        engine: String, data: [String], parameters: [String: String], earlierCells: String, cell: String, extra: String
    ) {
        self.engine = engine
        self.data = data
        self.parameters = parameters
        self.earlierCells = earlierCells
        self.cell = cell
        self.extra = extra
    }

    /// Why an entry computed from `stored` cannot stand in for these inputs; `nil` when it can.
    func change(from stored: CacheInputs) -> CacheEvent.Reason? {
        if engine != stored.engine { return .engineChanged }
        if data != stored.data { return .dataChanged }
        if parameters != stored.parameters { return .parametersChanged }
        if earlierCells != stored.earlierCells { return .earlierCellChanged }
        if cell != stored.cell { return .cellChanged }
        if extra != stored.extra { return .settingsChanged }
        return nil
    }
}
