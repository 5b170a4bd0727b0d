/// Options on a cell's fence, after `rec`: ```` ```rec echo=false tolerance=0.01 ````.
public struct CellOptions: Sendable, Hashable {
    /// Whether the report shows the cell's directives.
    public var echo = true
    /// How far `recbook check` lets this cell's decimal results move, as a fraction of the
    /// committed value (relative: `0.01` allows 1%). `nil` means they must match to the last
    /// printed digit. Meant for training cells whose float sums depend on thread scheduling.
    public var tolerance: Double?

    static let keys = ["echo", "tolerance"]

    public init() {}

    static func parse(_ info: String, at location: SourceLocation) throws(NotebookError) -> CellOptions {
        var options = CellOptions()
        for word in try DirectiveParser.tokenize(info, at: location) {
            guard let key = word.key else {
                throw NotebookError(location, "cell options are key=value, not `\(word.raw)`")
            }
            switch key {
            case "echo":
                guard let value = Bool(word.value) else {
                    throw NotebookError(location, "echo must be true or false, not `\(word.value)`")
                }
                options.echo = value
            case "tolerance":
                guard let value = Double(word.value), value.isFinite, value >= 0 else {
                    throw NotebookError(
                        location, "tolerance must be a relative difference such as 0.01 (1%), not `\(word.value)`")
                }
                options.tolerance = value
            default:
                let hint = Suggestions.closest(to: key, in: keys).map { " Did you mean `\($0)`?" } ?? ""
                throw NotebookError(location, "unknown cell option `\(key)`.\(hint) Known: \(keys.joined(separator: ", ")).")
            }
        }
        return options
    }
}
