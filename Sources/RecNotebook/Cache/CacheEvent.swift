/// What happened when a verb asked the cache for a value: reused, or computed and why.
/// Reports show it beside the cell's wall time; like timings, it never counts in `check`.
public struct CacheEvent: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Hashable, Codable {
        case noEntry = "no entry"
        case corruptEntry = "corrupt entry, dropped"
        case foreignEntry = "entry from another format or slot, dropped"
        case engineChanged = "engine changed"
        case dataChanged = "data file changed"
        case parametersChanged = "parameters changed"
        case earlierCellChanged = "an earlier cell changed"
        case cellChanged = "cell text changed"
        case settingsChanged = "settings changed"
    }

    /// What was cached, as the verb names it (e.g. `fit svd`).
    public var name: String
    /// The notebook line of the directive that asked.
    public var line: Int
    /// `true` when the value came from the cache.
    public var hit: Bool
    /// Why it was computed, when it was not a hit.
    public var reason: Reason?
    /// Set when the computed value could not be saved (the next run recomputes it).
    public var saveError: String?
    /// For a value found by its content: the cell that computed it (`05-neural.md cell 7 +2 fit svd`).
    public var sameAs: String?

    public init(name: String, line: Int, hit: Bool, reason: Reason? = nil, saveError: String? = nil, sameAs: String? = nil) {
        self.name = name
        self.line = line
        self.hit = hit
        self.reason = reason
        self.saveError = saveError
        self.sameAs = sameAs
    }

    /// `from cache`, or `computed (data file changed)`.
    public var summary: String {
        if hit { return "\(name): from cache" + (sameAs.map { " (the same computation as \($0))" } ?? "") }
        var text = "\(name): computed (\(reason?.rawValue ?? "cache off"))"
        if let saveError { text += "; not saved: \(saveError)" }
        return text
    }
}
