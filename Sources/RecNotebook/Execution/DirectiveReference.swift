/// The directive reference in Markdown, made from the verbs themselves so the README cannot
/// drift from what the runner accepts (`recbook directives` prints it).
public enum DirectiveReference {
    public static func markdown() -> String {
        var text = ""
        for verb in VerbRegistry.all {
            text += "### `\(verb.name)`\n\n\(verb.summary)\n\n"
            text += "```\n\(verb.usage)\n```\n\nExample: `\(verb.example)`\n\n"
        }
        return text
    }
}
