/// Options on a cell's fence, after `rec`: ```` ```rec echo=false ````.
public struct CellOptions: Sendable, Hashable {
    /// Whether the report shows the cell's directives.
    public var echo = true

    static let keys = ["echo"]

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
            default:
                let hint = Suggestions.closest(to: key, in: keys).map { " Did you mean `\($0)`?" } ?? ""
                throw NotebookError(location, "unknown cell option `\(key)`.\(hint) Known: \(keys.joined(separator: ", ")).")
            }
        }
        return options
    }
}
