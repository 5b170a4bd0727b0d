import Foundation

/// `recbook.yml`, the book: its title, its notebooks in reading order, the named data sources
/// they run on, and whether reports show timings. `recbook render` and `recbook check` with no
/// notebooks named do the whole book.
///
/// ```
/// title: Recommender systems on Douban
/// timings: true
/// sources:
///   douban: [data/douban, ../shared/data/douban]
/// notebooks:
///   - notebooks/01-data-exploration.md
/// ```
///
/// Paths are relative to the book file's folder. A notebook picks its source in its front matter
/// (`data: douban`, see `FrontMatter`).
public struct Book: Sendable, Hashable {
    /// A named data source: folders to try in order.
    public struct Source: Sendable, Hashable {
        public var name: String
        public var folders: [String]
        public var line: Int

        /// The first folder that exists, else the first listed: a `load` then fails saying which
        /// file it looked for, or (with `synth=`) generates its preset and its banner says so.
        public var folder: String {
            folders.first { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            } ?? folders[0]
        }
    }

    /// The file in the working folder that `render` and `check` read.
    public static let fileName = "recbook.yml"
    static let keys = ["title", "notebooks", "sources", "timings"]

    /// The book file, as named.
    public var file: String
    public var title: String?
    /// The notebooks' paths in reading order.
    public var notebooks: [String]
    /// What a notebook needs beyond recbook (`requires:`), by path, with the line that says so.
    public var requirements: [String: Requirement] = [:]

    /// A notebook's `requires:` and the line of the book file that says it.
    public struct Requirement: Sendable, Hashable {
        public var kind: NotebookRequirement
        public var line: Int
    }
    public var sources: [Source]
    /// `timings: true|false`: whether reports show wall times and memory; `nil` when the book
    /// does not say.
    public var timings: Bool?

    public func source(named name: String) -> Source? { sources.first { $0.name == name } }

    /// Reads and checks the book at `path`: every notebook it lists must exist.
    public static func load(_ path: String) throws(BookError) -> Book {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw BookError(SourceLocation(file: path, line: 1), "cannot read the book file (missing, unreadable or not UTF-8)")
        }
        return try parse(text, file: path, folder: (path as NSString).deletingLastPathComponent)
    }

    /// The book in `text`; relative paths are joined to `folder`, and notebooks must exist there.
    static func parse(_ text: String, file: String, folder: String) throws(BookError) -> Book {
        var book = Book(file: file, title: nil, notebooks: [], sources: [], timings: nil)
        do throws(YAMLProblem) {
            guard let document = try YAMLValue.parse(text) else {
                throw YAMLProblem(line: 1, message: "the book is empty; it needs at least `notebooks:`, a list of notebook files")
            }
            var listsNotebooks = false
            for (key, value) in try document.entries(of: "the book", known: keys) {
                switch key {
                case "title": book.title = try value.text("title")
                case "timings": book.timings = try value.bool("timings")
                case "sources":
                    for (name, folders) in try value.entries(of: "sources") {
                        try checkSourceName(name, at: folders.line)
                        let paths = try folders.items().map { item throws(YAMLProblem) in
                            joined(try item.text("a folder of source `\(name)`"), to: folder)
                        }
                        guard !paths.isEmpty else {
                            throw YAMLProblem(line: folders.line, message: "source `\(name)` needs at least one folder")
                        }
                        book.sources.append(Source(name: name, folders: paths, line: folders.line))
                    }
                default:
                    listsNotebooks = true
                    guard value.node.sequence != nil else {
                        throw YAMLProblem(line: value.line, message: "notebooks must be a list (`- notebooks/01.md` lines)")
                    }
                    for entry in value.items() {
                        let (written, requirement) = try notebookEntry(entry)
                        let path = joined(written, to: folder)
                        guard FileManager.default.fileExists(atPath: path) else {
                            throw YAMLProblem(line: entry.line, message: "notebook \(path) does not exist")
                        }
                        guard !book.notebooks.contains(path) else {
                            throw YAMLProblem(line: entry.line, message: "notebook \(path) is listed twice; list it once")
                        }
                        book.notebooks.append(path)
                        if let requirement { book.requirements[path] = requirement }
                    }
                }
            }
            guard listsNotebooks, !book.notebooks.isEmpty else {
                throw YAMLProblem(line: 1, message: "the book lists no notebooks; add `notebooks:`, a list of notebook files")
            }
        } catch {
            throw BookError(SourceLocation(file: file, line: error.line), error.message)
        }
        return book
    }

    /// A notebook entry: its path as written, or a mapping of `path:` and `requires:`.
    private static func notebookEntry(_ entry: YAMLValue) throws(YAMLProblem)
        -> (path: String, requirement: Requirement?)
    {
        guard entry.node.mapping != nil else { return (try entry.text("a notebook"), nil) }
        var path: String?
        var requirement: Requirement?
        for (key, value) in try entry.entries(of: "a notebook entry", known: ["path", "requires"]) {
            if key == "path" {
                path = try value.text("a notebook's path")
                continue
            }
            let name = try value.text("requires")
            guard let known = NotebookRequirement(rawValue: name) else {
                let names = NotebookRequirement.allCases.map(\.rawValue)
                let hint = Suggestions.closest(to: name, in: names).map { " Did you mean `\($0)`?" } ?? ""
                throw YAMLProblem(
                    line: value.line, message: "unknown requirement `\(name)`.\(hint) Known: \(names.joined(separator: ", ")).")
            }
            requirement = Requirement(kind: known, line: value.line)
        }
        guard let path else {
            throw YAMLProblem(line: entry.line, message: "a notebook entry needs `path:`, the notebook's file")
        }
        return (path, requirement)
    }

    /// Source names are what `data:` and `--data NAME=DIR` write: letters, digits, `-`, `_`, `.`.
    private static func checkSourceName(_ name: String, at line: Int) throws(YAMLProblem) {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
        guard !name.isEmpty, allowed else {
            throw YAMLProblem(
                line: line,
                message: "source name `\(name)` must be letters, digits, -, _ and . (it is written --data \(name)=DIR)")
        }
    }

    private static func joined(_ path: String, to folder: String) -> String {
        LoadVerb.resolve(path, in: folder)
    }
}
