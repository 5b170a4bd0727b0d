/// `params`: declares the notebook's parameters with their defaults. `recbook render -p name=value`
/// overrides a default; directives after the declaration read a value as `$name` or `${name}`.
enum ParamsVerb {
    static let verb = Verb(
        name: "params",
        summary: "Declares parameters with defaults (`params epochs=45 test=0.2`); later directives use them as "
            + "`$epochs` or `${epochs}`, and `recbook render -p epochs=5` overrides a default.",
        usage: "params NAME=DEFAULT ...",
        example: "params epochs=45 test=0.2",
        keys: [],
        run: run,
        acceptsAnyKey: true)

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        try invocation.noSubjects()
        guard !invocation.directive.options.isEmpty else {
            throw invocation.fail("`params` needs at least one NAME=DEFAULT, as in: \(verb.example)")
        }
        var rows: [[TableValue]] = []
        for option in invocation.directive.options {
            try ParameterDeclarations.checkName(option.key, at: invocation.location)
            guard session.parameters[option.key] == nil else {
                throw invocation.fail("parameter `\(option.key)` is declared twice; declare each parameter once")
            }
            // The front matter's default is the notebook's own, so the table shows it as the default.
            let defaultValue = session.frontMatterDefaults[option.key] ?? option.value
            let value = session.context.parameters[option.key] ?? defaultValue
            session.parameters[option.key] = value
            rows.append([.text(option.key), .text(value), .text(defaultValue)])
        }
        return [
            .table(
                ResultTable(
                    title: "Parameters", columns: [.text("name"), .text("value"), .text("default")], rows: rows))
        ]
    }
}
