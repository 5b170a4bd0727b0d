import Foundation
import RecEngine

/// Renders notebooks into report pages, their JSON twins and the index page; under
/// `--no-timings`, also `timings.json` (see `TimingsFile`).
public enum ReportRenderer {
    /// The formats `--to` accepts.
    public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
        case html
        case md
        /// A Jupyter notebook (see `JupyterNotebook`).
        case ipynb
    }

    /// What happened to one notebook.
    public struct Outcome: Sendable {
        public var notebook: String
        /// The files written in the output folder, by name: the pages `formats` asked for, in
        /// `OutputFormat` order, then the JSON twin, then `timings.json` under `--no-timings`.
        public var written: [String]
        public var succeeded: Bool
        public var error: NotebookError?
        public var cells: Int
        /// What rendered, but not as written (a formula shown as TeX source), in line order.
        public var warnings: [NotebookWarning] = []
    }

    /// The notebooks named by `paths`: files as they are, folders as their `.md` files in name order.
    public static func notebooks(in paths: [String]) throws(ReportError) -> [String] {
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .cannotRead(path: path, reason: "no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let notebooks = names.filter { $0.hasSuffix(".md") }.sorted()
                guard !notebooks.isEmpty else { throw .noNotebooks(path) }
                found += notebooks.map { (path as NSString).appendingPathComponent($0) }
            } else {
                found.append(path)
            }
        }
        return found
    }

    /// Runs one notebook and writes its page and twin, then refreshes the index.
    public static func render(notebook path: String, options: RunOptions) throws(ReportError) -> Outcome {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .cannotRead(path: path, reason: "missing, unreadable or not UTF-8")
        }
        // Before the run: a notebook that takes minutes should not fail only at the end because
        // --out cannot be written.
        try prepare(options.outFolder)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if !options.timings { try checkTimingsFileIsFree(for: name, in: options.outFolder) }
        let document = MarkdownParser.parse(text, file: path)
        do {
            try ParameterDeclarations.checkFrontMatter(document)
        } catch {
            throw .invalidNotebook(error)
        }
        let context = RunContext(
            dataFolder: options.dataFolder ?? ".", notebookFile: path, parameters: options.parameters,
            cache: options.cacheFolder.map(CellCache.init(folder:)), engineBuild: EngineBuild.fingerprint,
            observer: options.observer, allowOutsideData: options.allowOutsideData, outputFolder: options.outFolder,
            threads: options.threads, timings: options.timings, sparkMaster: options.sparkMaster)
        let run = NotebookRunner.run(document, context: context, keepGoing: options.keepGoing)
        let twin: Data
        do {
            twin = try ReportTwin.encoder().encode(ReportTwin(run, timings: options.timings)) + Data("\n".utf8)
        } catch {
            throw .cannotWrite(path: name + ".json", reason: "the results could not be encoded: \(error)")
        }
        try AtomicFile.write(twin, to: (options.outFolder as NSString).appendingPathComponent(name + ".json"))
        var written: [String] = []
        for format in OutputFormat.allCases where options.formats.contains(format) {
            let page = name + "." + format.rawValue
            let bytes: Data
            switch format {
            case .html: bytes = Data(HTMLPage.render(run, timings: options.timings).utf8)
            case .md: bytes = Data(MarkdownReport.render(run, timings: options.timings).utf8)
            case .ipynb:
                do {
                    bytes = try JupyterNotebook.render(run, timings: options.timings)
                } catch {
                    throw .cannotWrite(path: page, reason: "the notebook could not be encoded: \(error)")
                }
            }
            try AtomicFile.write(bytes, to: (options.outFolder as NSString).appendingPathComponent(page))
            written.append(page)
        }
        written.append(name + ".json")
        if !options.timings {
            try TimingsFile.merge(TimingsFile.Report(run), as: name, into: options.outFolder)
            written.append(TimingsFile.fileName)
        }
        return Outcome(
            notebook: path, written: written, succeeded: run.succeeded, error: run.firstError, cells: run.cells.count,
            warnings: document.warnings)
    }

    /// Under `--no-timings`, `timings.json` holds the timings, so it cannot also be the JSON
    /// twin of a notebook `timings.md`: neither this notebook's nor one rendered earlier.
    static func checkTimingsFileIsFree(for name: String, in folder: String) throws(ReportError) {
        let path = (folder as NSString).appendingPathComponent(TimingsFile.fileName)
        let existing = FileManager.default.contents(atPath: path)
        guard name + ".json" == TimingsFile.fileName || existing.map({ !TimingsFile.holdsTimings($0) }) == true else { return }
        throw .cannotWrite(
            path: path,
            reason: "--no-timings keeps the timings in this file, so no notebook may be named timings.md; "
                + "rename the notebook (and remove this file if it is that notebook's report)")
    }

    /// Rejects `-p` names that none of `notebooks` declares in a `params` directive, with the
    /// closest declared name; a name declared by some of them is ignored by the others.
    public static func checkParameters(_ overrides: [String: String], notebooks: [String]) throws(ReportError) {
        guard !overrides.isEmpty else { return }
        var declared: [String] = []
        for path in notebooks {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw .cannotRead(path: path, reason: "missing, unreadable or not UTF-8")
            }
            declared += ParameterDeclarations.declared(in: MarkdownParser.parse(text, file: path)).map(\.name)
        }
        for name in overrides.keys.sorted() where !declared.contains(name) {
            throw .unknownParameter(name: name, declared: Array(Set(declared)).sorted())
        }
    }

    /// Rewrites `index.html` from every JSON twin in the output folder: under the book's title,
    /// its notebooks' reports in the book's order, then any others by name.
    public static func writeIndex(outFolder: String, book: Book? = nil) throws(ReportError) {
        try prepare(outFolder)
        let found = ((try? FileManager.default.contentsOfDirectory(atPath: outFolder)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        let bookOrder = (book?.notebooks ?? []).map {
            ((($0 as NSString).lastPathComponent as NSString).deletingPathExtension) + ".json"
        }
        let names = bookOrder.filter(found.contains) + found.filter { !bookOrder.contains($0) }
        let entries = names.compactMap { name -> IndexPage.Entry? in
            let path = (outFolder as NSString).appendingPathComponent(name)
            let data = FileManager.default.contents(atPath: path)
            // `--no-timings` keeps its figures beside the twins; they are not a report.
            if name == TimingsFile.fileName, let data, TimingsFile.holdsTimings(data) { return nil }
            let twin = data.flatMap { try? ReportTwin.decoder().decode(ReportTwin.self, from: $0) }
            return IndexPage.Entry(page: (name as NSString).deletingPathExtension + ".html", twin: twin)
        }
        try AtomicFile.write(
            Data(IndexPage.render(entries, title: book?.title).utf8),
            to: (outFolder as NSString).appendingPathComponent("index.html"))
    }

    /// Creates the output folder if needed and removes temporary files a killed render left in
    /// it; the error says which part of the path is in the way.
    static func prepare(_ folder: String) throws(ReportError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .cannotWrite(path: folder, reason: "--out must be a folder, and this is a file")
            }
        } else {
            var parent = (folder as NSString).deletingLastPathComponent
            while !parent.isEmpty, !FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) {
                parent = (parent as NSString).deletingLastPathComponent
            }
            if !parent.isEmpty, !isDirectory.boolValue {
                throw .cannotWrite(path: folder, reason: "\(parent) is a file, not a folder, so --out cannot be made there")
            }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path: folder, reason: "the folder cannot be created (\(posixReason(error)))")
            }
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw .cannotWrite(path: folder, reason: "the folder is not writable (\(String(cString: strerror(errno))))")
        }
        AtomicFile.removeStaleTemporaries(in: folder)
    }

    /// The POSIX reason inside a Foundation file error, else its description.
    static func posixReason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
