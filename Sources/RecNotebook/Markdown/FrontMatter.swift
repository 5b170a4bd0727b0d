/// A notebook's YAML front matter: a block between two `---` lines at the very top, as in Quarto
/// and R Markdown. It names the book's data source the notebook runs on (`data: douban`, a name
/// from `recbook.yml`) and may set the notebook's title and defaults for its parameters, which
/// sit between the notebook's `params` declarations and `-p` on the command line.
///
/// ```
/// ---
/// title: Item-based collaborative filtering
/// data: douban
/// params:
///   epochs: 20
/// ---
/// ```
public struct FrontMatter: Sendable, Hashable {
    /// A parameter default and the line that sets it.
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var value: String
        public var line: Int
    }

    public var title: String?
    /// The name of the book's data source, and the line that names it.
    public var data: String?
    public var dataLine: Int = 1
    public var parameters: [Parameter] = []
    /// Lines the block takes, both `---` lines included; the Markdown starts after them.
    public var lineCount: Int

    static let keys = ["title", "data", "params"]

    /// The block's length in lines when `lines` start with front matter: a first line `---` and
    /// a later line `---` (or `...`). Without the closing line, `---` is Markdown's rule.
    static func blockLength(_ lines: [Substring]) -> Int? {
        guard let first = lines.first, trimmed(first) == "---" else { return nil }
        guard let close = lines.dropFirst().firstIndex(where: { ["---", "..."].contains(trimmed($0)) }) else { return nil }
        return close + 1
    }

    /// Reads the block `lines` (delimiters included) of notebook `file`.
    static func parse(_ lines: ArraySlice<Substring>, file: String) throws(NotebookError) -> FrontMatter {
        var frontMatter = FrontMatter(lineCount: lines.count)
        do throws(YAMLProblem) {
            // The YAML starts on the notebook's line 2.
            let yaml = lines.dropFirst().dropLast().joined(separator: "\n")
            guard let document = try YAMLValue.parse(yaml, lineOffset: 1) else { return frontMatter }
            for (key, value) in try document.entries(of: "the front matter", known: keys) {
                switch key {
                case "title": frontMatter.title = try value.text("title")
                case "data":
                    frontMatter.data = try value.text("data (the name of a source in recbook.yml)")
                    frontMatter.dataLine = value.line
                default:
                    for (name, parameter) in try value.entries(of: "params") {
                        guard ParameterDeclarations.isName(name) else {
                            throw YAMLProblem(
                                line: parameter.line,
                                message:
                                    "parameter name `\(name)` is not usable as `$\(name)`; use lower-case letters, digits and _")
                        }
                        let text = try parameter.text("params: \(name)")
                        frontMatter.parameters.append(Parameter(name: name, value: text, line: parameter.line))
                    }
                }
            }
        } catch {
            throw NotebookError(SourceLocation(file: file, line: error.line), "front matter: \(error.message)")
        }
        return frontMatter
    }

    private static func trimmed(_ line: Substring) -> Substring {
        var line = line
        while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
        return line
    }
}
