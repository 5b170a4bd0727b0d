/// A problem in YAML text, at a line of the file the text came from.
struct YAMLProblem: Error {
    var line: Int
    var message: String
}
