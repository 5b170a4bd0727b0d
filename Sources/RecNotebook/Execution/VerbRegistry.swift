/// Every verb, by name.
enum VerbRegistry {
    static let all: [Verb] = [
        SeedVerb.verb, LoadVerb.verb, HeadVerb.verb, StatsVerb.verb, HistogramVerb.verb,
        ChartVerb.verb, SelectVerb.verb, ReplaceVerb.verb, RankVerb.verb, SplitVerb.verb,
        PivotVerb.verb, CorrelateVerb.verb, UserVerb.verb, ItemRecommendVerb.verb, SimilarVerb.verb, ItemEvaluateVerb.verb,
        ParamsVerb.verb,
        TrainVerb.verb, GridVerb.verb, LossVerb.verb, SummaryVerb.verb, EvaluateVerb.verb, PredictionsVerb.verb,
        RecommendVerb.verb,
        CrossValidateVerb.verb, CompareVerb.verb, SaveVerb.verb, RestoreVerb.verb,
    ]

    static func verb(named name: String) -> Verb? {
        all.first { $0.name == name }
    }

    /// Checks the verb and its keys, substitutes parameters, then runs it.
    static func run(_ directive: Directive, in session: Session) throws(NotebookError) -> [CellResult] {
        try run(directive, in: session, verbs: all)
    }

    /// The same, with `verbs` in place of the registry (tests add stand-ins for expensive verbs).
    static func run(_ written: Directive, in session: Session, verbs: [Verb]) throws(NotebookError) -> [CellResult] {
        // A `params` line declares defaults literally; every other line reads parameters.
        let directive =
            written.verb == ParamsVerb.verb.name
            ? written : try ParameterSubstitution.apply(to: written, session.parameters)
        guard let verb = verbs.first(where: { $0.name == directive.verb }) else {
            let names = verbs.map(\.name)
            let hint =
                Suggestions.closest(to: directive.verb, in: names).map { " Did you mean `\($0)`?" }
                ?? " Known directives: \(names.joined(separator: ", "))."
            throw NotebookError(directive.location, "unknown directive `\(directive.verb)`.\(hint)")
        }
        for option in directive.options where !verb.acceptsAnyKey && !verb.keys.contains(option.key) {
            let hint =
                Suggestions.closest(to: option.key, in: verb.keys).map { " Did you mean `\($0)`?" }
                ?? (verb.keys.isEmpty ? " It takes none." : " It takes: \(verb.keys.joined(separator: ", ")).")
            throw NotebookError(directive.location, "`\(verb.name)` has no option `\(option.key)`.\(hint)")
        }
        return try verb.run(Invocation(directive: directive, verb: verb), session)
    }
}
