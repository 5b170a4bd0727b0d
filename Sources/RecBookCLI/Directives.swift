import ArgumentParser
import RecNotebook

struct Directives: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints the reference of every directive a `rec` cell accepts, in Markdown.")

    func run() {
        print(DirectiveReference.markdown(), terminator: "")
    }
}
