/// The parameters a notebook declares in its `params` directives, found before anything runs so
/// that a misspelt `-p` name fails at once instead of after an hour of training.
public enum ParameterDeclarations {
    /// Names and defaults in declaration order. Cells that do not parse are skipped here; the run
    /// reports them at their line.
    public static func declared(in document: NotebookDocument) -> [(name: String, value: String)] {
        var found: [(name: String, value: String)] = []
        for cell in document.cells {
            guard let directives = try? DirectiveParser.parseCell(cell.code, file: document.file, firstLine: cell.firstCodeLine)
            else { continue }
            for directive in directives where directive.verb == ParamsVerb.verb.name {
                found += directive.options.map { ($0.key, $0.value) }
            }
        }
        return found
    }

    /// Refuses a notebook whose front matter does not read, or sets a parameter no `params`
    /// directive declares (a misspelt name would otherwise change nothing, silently).
    public static func checkFrontMatter(_ document: NotebookDocument) throws(NotebookError) {
        if let error = document.frontMatterError { throw error }
        guard let parameters = document.frontMatter?.parameters, !parameters.isEmpty else { return }
        let declared = declared(in: document).map(\.name)
        for parameter in parameters where !declared.contains(parameter.name) {
            let hint = Suggestions.closest(to: parameter.name, in: declared).map { " Did you mean `\($0)`?" } ?? ""
            let known =
                declared.isEmpty
                ? "The notebook declares no parameters (a `params name=DEFAULT` directive declares one)."
                : "Declared: \(declared.joined(separator: ", "))."
            throw NotebookError(
                SourceLocation(file: document.file, line: parameter.line),
                "front matter: params sets `\(parameter.name)`, which no `params` directive declares.\(hint) \(known)")
        }
    }

    /// Parameter names are what `$name` can reach: a lower-case letter, then letters, digits and `_`.
    static func checkName(_ name: String, at location: SourceLocation) throws(NotebookError) {
        guard isName(name) else {
            throw NotebookError(
                location,
                "parameter name `\(name)` is not usable as `$\(name)`; use lower-case letters, digits and _ (e.g. test_size)")
        }
    }

    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
