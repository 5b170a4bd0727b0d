/// Replaces `$name` and `${name}` in a directive's subjects and option values with parameter
/// values; `$$` is a literal `$`, and a `$` not followed by a name stays as it is. Verbs and keys
/// are never substituted, so a parameter can change a value but not what a directive does.
enum ParameterSubstitution {
    static func apply(to directive: Directive, _ parameters: [String: String]) throws(NotebookError) -> Directive {
        guard directive.text.contains("$") else { return directive }
        var result = directive
        for index in result.subjects.indices {
            result.subjects[index] = try substitute(result.subjects[index], parameters, at: directive.location)
        }
        for index in result.options.indices {
            result.options[index].value = try substitute(result.options[index].value, parameters, at: directive.location)
        }
        return result
    }

    static func substitute(_ text: String, _ parameters: [String: String], at location: SourceLocation) throws(NotebookError)
        -> String
    {
        guard text.contains("$") else { return text }
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "$", index + 1 < characters.count else {
                output.append(character)
                index += 1
                continue
            }
            let next = characters[index + 1]
            if next == "$" {
                output.append("$")
                index += 2
                continue
            }
            var name = ""
            var end = index + 1
            if next == "{" {
                guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
                    throw NotebookError(location, "`${` is not closed; write ${name}")
                }
                name = String(characters[(index + 2)..<close])
                end = close + 1
            } else {
                while end < characters.count, isNameCharacter(characters[end], first: end == index + 1) {
                    name.append(characters[end])
                    end += 1
                }
                if name.isEmpty {
                    output.append(character)
                    index += 1
                    continue
                }
            }
            guard let value = parameters[name] else {
                let known = parameters.keys.sorted()
                let hint =
                    Suggestions.closest(to: name, in: known).map { " Did you mean `$\($0)`?" }
                    ?? (known.isEmpty
                        ? " No parameters are declared yet." : " Declared: \(known.map { "$" + $0 }.joined(separator: ", ")).")
                throw NotebookError(
                    location,
                    "unknown parameter `$\(name)`.\(hint) Declare it before use with `params \(name)=DEFAULT`, or write $$ for a dollar sign."
                )
            }
            output += value
            index = end
        }
        return output
    }

    private static func isNameCharacter(_ character: Character, first: Bool) -> Bool {
        guard character.isASCII else { return false }
        if character >= "a" && character <= "z" { return true }
        return !first && (character.isNumber || character == "_")
    }
}
