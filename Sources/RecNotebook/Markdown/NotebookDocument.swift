/// A notebook split into what recbook runs (cells) and what it passes through (prose).
public struct NotebookDocument: Sendable {
    /// The file name as the user named it, used in every error location.
    public var file: String
    /// The text of the first level-1 heading, if any.
    public var title: String?
    public var blocks: [NotebookBlock]

    public var cells: [CellSource] {
        blocks.compactMap { block in
            if case .cell(let cell) = block { return cell }
            return nil
        }
    }
}

public enum NotebookBlock: Sendable {
    /// Author's Markdown, already rendered to HTML by cmark.
    case prose(ProseBlock)
    case cell(CellSource)
}

public struct ProseBlock: Sendable {
    public var html: String
    /// The block's Markdown source, for Markdown output.
    public var markdown: String
    /// Set when the block is a heading; the table of contents links to its anchor.
    public var heading: Heading?
}

public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var anchor: String
}

/// A fenced block whose info string starts with `rec`.
public struct CellSource: Sendable, Hashable {
    /// 1-based position among the notebook's cells (`In [n]`).
    public var number: Int
    /// The notebook line of the opening fence.
    public var line: Int
    /// The info string after `rec`, e.g. `echo=false`.
    public var info: String
    public var code: String
    /// The notebook line of the code's first line.
    public var firstCodeLine: Int { line + 1 }
}
