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
