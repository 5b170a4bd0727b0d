/// The directive reference in Markdown, made from the verbs and the model families themselves so
/// the README cannot drift from what the runner accepts (`recbook directives` prints it).
public enum DirectiveReference {
    /// Verbs that fit models and so take every model family's settings.
    static let modelVerbs = [TrainVerb.verb.name, GridVerb.verb.name, CrossValidateVerb.verb.name]

    /// Every directive; the model settings are listed in full once, under `train`.
    public static func markdown() -> String {
        VerbRegistry.all.map { section($0, settingsInFull: $0.name == TrainVerb.verb.name) }.joined()
    }

    /// One directive's reference with every default, or nil for an unknown name.
    public static func markdown(directive name: String) -> String? {
        VerbRegistry.verb(named: name).map { section($0, settingsInFull: true) }
    }

    /// Every directive's name, for "did you mean" on the command line.
    public static var directiveNames: [String] { VerbRegistry.all.map(\.name) }

    private static func section(_ verb: Verb, settingsInFull: Bool) -> String {
        var text = "### `\(verb.name)`\n\n\(verb.summary)\n\n"
        text += "```\n\(verb.usage)\n```\n\nExample: `\(verb.example)`\n\n"
        guard modelVerbs.contains(verb.name) else { return text }
        guard settingsInFull else {
            return text + "Model settings and their defaults: as for `train` (`recbook directives \(verb.name)` lists them).\n\n"
        }
        return text + modelSettings()
    }

    /// Each family's settings with default, allowed values and meaning.
    static func modelSettings() -> String {
        var text = "Model settings (a setting the chosen model does not take is an error):\n\n"
        for family in ModelFamilyRegistry.all {
            text += "- `model=\(family.name)`: \(family.summary).\n"
            guard !family.settings.isEmpty else {
                text += "  No settings.\n"
                continue
            }
            text += "\n  | setting | default | allowed | meaning |\n  | --- | --- | --- | --- |\n"
            for setting in family.settings {
                text += "  | `\(setting.key)` | \(setting.defaultText) | \(setting.allowed) | \(setting.meaning) |\n"
            }
            text += "\n"
        }
        return text + "\n"
    }
}
