public struct ProseBlock: Sendable {
    public var html: String
    /// The block's Markdown source, for Markdown output.
    public var markdown: String
    /// Set when the block is a heading; the table of contents links to its anchor.
    public var heading: Heading?
}
