import ArgumentParser
import RecNotebook

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes a starter notebook that renders as it is: load, a first look, two models, their scores.",
        discussion: "Refuses to replace an existing file. Exit status: 0 when written, 1 when it cannot be, "
            + "2 for a usage error.")

    @Argument(help: "The notebook to write, e.g. movies.md.")
    var notebook: String

    @Option(help: "The data it loads: \(StarterNotebook.Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format = StarterNotebook.Format.movielensLatest.rawValue

    func validate() throws {
        guard StarterNotebook.Format(rawValue: format) != nil else {
            throw ValidationError(
                "--format must be one of \(StarterNotebook.Format.allCases.map(\.rawValue).joined(separator: ", ")), "
                    + "not `\(format)`")
        }
        guard notebook.hasSuffix(".md") else {
            throw ValidationError("the notebook's name must end in .md (recbook renders Markdown files), not `\(notebook)`")
        }
    }

    func run() throws {
        try StarterNotebook.write(to: notebook, format: StarterNotebook.Format(rawValue: format) ?? .movielensLatest)
        print("wrote   \(notebook); render it with: recbook render \(notebook) --data DIR")
    }
}
