/// A file written under the output folder, named by its path relative to the report, which is
/// where reports are written: `models/rsvd1.recmodel` is both what the page shows and the link.
public struct FileLink: Sendable, Hashable {
    /// What the file is, e.g. `Model file (recbook.factor-model, version 1)`.
    public var label: String
    public var path: String
}
