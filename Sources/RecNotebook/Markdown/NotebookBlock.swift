public enum NotebookBlock: Sendable {
    /// Author's Markdown, already rendered to HTML by cmark.
    case prose(ProseBlock)
    case cell(CellSource)
}
