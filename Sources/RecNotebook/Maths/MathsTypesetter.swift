/// The HTML for one formula: MathML, or its TeX source as code (with a warning) when it uses
/// something outside recbook's TeX subset. A formula is never dropped.
enum MathsTypesetter {
    static func html(_ span: MathsSpan, file: String) -> (html: String, warning: NotebookWarning?) {
        do {
            let node = try TeXParser.parse(span.tex, display: span.display)
            return (MathMLWriter.math(node, tex: span.tex, display: span.display), nil)
        } catch {
            let code =
                "<code class=\"maths-error\" title=\"\(HTMLText.escape(error.message))\">\(HTMLText.escape(span.source))</code>"
            let warning = NotebookWarning(
                SourceLocation(file: file, line: span.line),
                "the formula \(span.source.split(separator: "\n").joined(separator: " ")) cannot be typeset (\(error.message)); the page shows its TeX source as code"
            )
            return (code, warning)
        }
    }
}
