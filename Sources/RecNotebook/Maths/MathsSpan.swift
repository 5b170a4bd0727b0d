/// A formula found in a notebook's prose: `$…$` inline or `$$…$$` displayed.
struct MathsSpan: Sendable, Hashable {
    /// As written, dollars included: what the page shows when the formula cannot be typeset.
    var source: String
    /// The TeX between the dollars.
    var tex: String
    var display: Bool
    /// The notebook line of the opening dollar.
    var line: Int
}
