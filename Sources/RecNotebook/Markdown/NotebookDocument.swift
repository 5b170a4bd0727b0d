/// A notebook split into what recbook runs (cells) and what it passes through (prose).
public struct NotebookDocument: Sendable {
    /// The file name as the user named it, used in every error location.
    public var file: String
    /// The front matter's title, else the text of the first level-1 heading, if any.
    public var title: String?
    public var blocks: [NotebookBlock]
    /// What parsing could not render as written (a formula outside the TeX subset), in line order.
    public var warnings: [NotebookWarning] = []
    /// The YAML block at the top, when there is one and it reads.
    public var frontMatter: FrontMatter? = nil
    /// Why the front matter does not read; running the notebook refuses it (see
    /// `ParameterDeclarations.checkFrontMatter`).
    public var frontMatterError: NotebookError? = nil

    public var cells: [CellSource] {
        blocks.compactMap { block in
            if case .cell(let cell) = block { return cell }
            return nil
        }
    }
}
