/// A notebook after running: every cell, and what its numbers were computed from.
public struct NotebookRun: Sendable {
    public var document: NotebookDocument
    public var cells: [CellRun]
    public var provenance: Provenance

    public var succeeded: Bool { cells.allSatisfy { $0.status == .ok } }
    public var firstError: NotebookError? { cells.lazy.compactMap(\.error).first }
}
