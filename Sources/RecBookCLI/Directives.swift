import ArgumentParser
import RecNotebook

struct Directives: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints the reference of every directive a `rec` cell accepts, or of one with every default, in Markdown.")

    @Argument(help: "One directive to describe in full (e.g. train); all of them when left out.")
    var name: String?

    func validate() throws {
        if let name, DirectiveReference.markdown(directive: name) == nil {
            throw ValidationError(
                "no directive `\(name)`; directives: \(DirectiveReference.directiveNames.joined(separator: ", "))")
        }
    }

    func run() {
        if let name, let text = DirectiveReference.markdown(directive: name) {
            print(text, terminator: "")
        } else {
            print(DirectiveReference.markdown(), terminator: "")
        }
    }
}
