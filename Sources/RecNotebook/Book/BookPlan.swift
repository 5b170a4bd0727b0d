import Foundation

/// Which notebooks a `render`, `check` or `watch` runs, and on which data folder each: the
/// book's source named in a notebook's front matter, unless the command line says otherwise.
public struct BookPlan: Sendable {
    /// One notebook to run and its data folder; `nil` leaves the command's default (`render`:
    /// `data/douban`; `check`: the folder the report's provenance names).
    public struct Entry: Sendable, Hashable {
        public var notebook: String
        public var dataFolder: String?
        /// What the book file says the notebook needs (`requires:`), if anything.
        public var requirement: Book.Requirement?

        public init(notebook: String, dataFolder: String?, requirement: Book.Requirement? = nil) {
            self.notebook = notebook
            self.dataFolder = dataFolder
            self.requirement = requirement
        }

        /// Why `render` and `check` skip the notebook on a run with `sparkMaster`, or `nil` to
        /// run it: its requirement is not met.
        public func skipReason(bookFile: String, sparkMaster: String?) -> String? {
            guard let requirement, let reason = requirement.kind.unmetReason(sparkMaster: sparkMaster) else { return nil }
            return "\(bookFile) line \(requirement.line) says `requires: \(requirement.kind.rawValue)`: \(reason)"
        }
    }

    /// Why there is no plan: the command line is wrong, or a file is.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// A usage error (exit status 2).
        case usage(String)
        /// `recbook.yml` or a notebook's front matter, at a line.
        case book(BookError)

        public var description: String {
            switch self {
            case .usage(let message): return message
            case .book(let error): return error.description
            }
        }
    }

    /// The book, when `recbook.yml` exists.
    public var book: Book?
    public var entries: [Entry]

    /// The plan for a command.
    /// - Parameters:
    ///   - arguments: the notebooks (files or folders) named on the command line; none runs the
    ///     whole book, or `notebooks/` when there is no book.
    ///   - data: every `--data` value: `NAME=DIR` puts source NAME in DIR; a plain `DIR` is the
    ///     data folder of every notebook named on the command line, whatever its source.
    ///   - bookFile: read when it exists.
    public static func make(arguments: [String], data: [String], bookFile: String = Book.fileName) throws(Problem)
        -> BookPlan
    {
        let book: Book?
        do {
            book = FileManager.default.fileExists(atPath: bookFile) ? try Book.load(bookFile) : nil
        } catch {
            throw .book(error)
        }
        let (folder, overrides) = try dataOptions(data)
        let paths: [String]
        do {
            if arguments.isEmpty, let book {
                if let folder {
                    throw Problem.usage(
                        "--data \(folder) names no source; the book runs each notebook on its own source, so write "
                            + "--data NAME=DIR with NAME one of: \(book.sources.map(\.name).joined(separator: ", "))")
                }
                paths = book.notebooks
            } else {
                paths = try ReportRenderer.notebooks(in: arguments.isEmpty ? ["notebooks"] : arguments)
            }
        } catch let error as Problem {
            throw error
        } catch {
            throw .usage("\(error)")
        }
        var entries: [Entry] = []
        var named: Set<String> = []
        for path in paths {
            // A notebook that cannot be read is reported when it runs, as without a book.
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                entries.append(Entry(notebook: path, dataFolder: folder))
                continue
            }
            let document = MarkdownParser.parse(text, file: path)
            do {
                try ParameterDeclarations.checkFrontMatter(document)
            } catch {
                throw .book(BookError(error.location, error.message))
            }
            guard let source = document.frontMatter?.data else {
                entries.append(Entry(notebook: path, dataFolder: folder))
                continue
            }
            named.insert(source)
            let location = SourceLocation(file: path, line: document.frontMatter?.dataLine ?? 1)
            if let folder {
                entries.append(Entry(notebook: path, dataFolder: folder))
            } else if let override = overrides[source] {
                entries.append(Entry(notebook: path, dataFolder: override))
            } else if let book {
                guard let found = book.source(named: source) else {
                    let known = book.sources.map(\.name)
                    let hint = Suggestions.closest(to: source, in: known).map { " Did you mean `\($0)`?" } ?? ""
                    throw .book(
                        BookError(
                            location,
                            "data source `\(source)` is not in \(book.file).\(hint) Its sources: "
                                + (known.isEmpty ? "none" : known.joined(separator: ", ")) + "."))
                }
                entries.append(Entry(notebook: path, dataFolder: found.folder))
            } else {
                // No book to say where the source is: --data as without front matter.
                entries.append(Entry(notebook: path, dataFolder: nil))
            }
        }
        let known = Set(book?.sources.map(\.name) ?? []).union(named)
        for name in overrides.keys.sorted() where !known.contains(name) {
            let candidates = known.sorted()
            let hint = Suggestions.closest(to: name, in: candidates).map { " Did you mean `\($0)`?" } ?? ""
            throw .usage(
                "--data \(name)=...: no notebook runs on a source named `\(name)`.\(hint) Sources: "
                    + (candidates.isEmpty
                        ? "none (a notebook names one in its front matter, `data: NAME`)" : candidates.joined(separator: ", "))
                    + ".")
        }
        if let book {
            func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
            let requirements = Dictionary(uniqueKeysWithValues: book.requirements.map { (standardized($0.key), $0.value) })
            for index in entries.indices {
                entries[index].requirement = requirements[standardized(entries[index].notebook)]
            }
        }
        return BookPlan(book: book, entries: entries)
    }

    /// The book's `timings:` setting, when every planned notebook is one of the book's; a notebook
    /// from elsewhere, rendered from the book's folder, keeps the default (timings shown).
    public var bookTimings: Bool? {
        guard let book, let setting = book.timings else { return nil }
        func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        let inBook = Set(book.notebooks.map(standardized))
        return entries.allSatisfy { inBook.contains(standardized($0.notebook)) } ? setting : nil
    }

    /// The same plan for `notebooks` only (those the watcher saw saved), in the plan's order.
    public func only(_ notebooks: [String]) -> BookPlan {
        BookPlan(book: book, entries: entries.filter { notebooks.contains($0.notebook) })
    }

    /// `--data` values split into the plain folder (at most one) and `NAME=DIR` overrides. A value
    /// is `NAME=DIR` when the text before its first `=` could be a source name (no `/`).
    static func dataOptions(_ values: [String]) throws(Problem) -> (folder: String?, overrides: [String: String]) {
        var folder: String?
        var overrides: [String: String] = [:]
        for value in values {
            if let equals = value.firstIndex(of: "="), equals != value.startIndex, !value[..<equals].contains("/") {
                let name = String(value[..<equals])
                guard overrides[name] == nil else { throw .usage("--data \(name)=... is given twice") }
                overrides[name] = String(value[value.index(after: equals)...])
            } else {
                if let folder {
                    throw .usage(
                        "--data is given two folders (\(folder), \(value)); give one, or name sources with --data NAME=DIR")
                }
                folder = value
            }
        }
        return (folder, overrides)
    }
}
