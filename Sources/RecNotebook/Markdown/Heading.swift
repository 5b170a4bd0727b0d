public struct Heading: Sendable, Hashable {
    public var level: Int
    /// The heading's words; a formula in it is its TeX (the page title and the JSON twin keep it).
    public var text: String
    public var anchor: String
    /// The words as HTML for the table of contents, with formulas typeset; nil when there are none.
    public var mathsHTML: String? = nil
}
