import Foundation
import RecEngine
import RecTestSupport
import Testing

@testable import RecNotebook

/// `docs/errors.md` lists every error class with the exact message a user sees. This suite reads
/// that page and produces each message from the input the page describes, so the page cannot
/// drift from the code: a changed message fails here until the page says the same.
///
/// Messages are compared after the temporary folders are replaced by the names the page uses:
/// the notebook is `notebook.md`, the data folder `data`, the output folder `output`, and the
/// project folder `/work/project`. `RECORD_ERRORS=1` prints what the code says now.
@Suite(.serialized) struct ErrorCatalogueTests {
    static let page = TestPaths.repository.appendingPathComponent("docs/errors.md")

    /// Each `<!-- error: ID -->` marker and the fenced message that follows it.
    static func documented() throws -> [String: String] {
        let text = try String(contentsOf: page, encoding: .utf8)
        var cases: [String: String] = [:]
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        while let line = lines.next() {
            guard line.hasPrefix("<!-- error: "), line.hasSuffix(" -->") else { continue }
            let id = String(line.dropFirst("<!-- error: ".count).dropLast(" -->".count))
            guard lines.next()?.hasPrefix("```") == true else { continue }
            var message: [Substring] = []
            while let body = lines.next(), !body.hasPrefix("```") { message.append(body) }
            cases[id] = message.joined(separator: "\n")
        }
        return cases
    }

    @Test func everyDocumentedErrorHasACaseAndEveryCaseIsDocumented() throws {
        let documented = try Self.documented()
        #expect(Set(documented.keys) == Set(Self.cases.keys))
    }

    @Test(arguments: Self.cases.keys.sorted())
    func theMessageIsTheOneThePageShows(id: String) throws {
        let produced = try Self.cases[id]!()
        if ProcessInfo.processInfo.environment["RECORD_ERRORS"] != nil { print("<!-- error: \(id) -->\n\(produced)\n") }
        let documented = try Self.documented()
        #expect(documented[id] == produced, "docs/errors.md differs for \(id)")
    }

    // MARK: - The cases

    typealias Case = @Sendable () throws -> String

    static let cases: [String: Case] = [
        "formula-not-typeset": {
            MarkdownParser.parse("# Model\n\nThe loss $\\mathscr{L}(\\theta)$ is minimised.\n", file: "notebook.md").warnings
                .map(\.description).joined(separator: "\n")
        },
        "malformed-row": { try notebook("load ratings=user_movies.csv", ratings: "alice,101,4\nbob,101\n") },
        "header-format": {
            try notebook("load ratings=user_movies.csv", ratings: "userId,movieId,rating,timestamp\n1,101,4.0,964982703\n")
        },
        "invalid-utf8": {
            try notebook(
                "load ratings=user_movies.csv", ratingsBytes: Data("alice,101,4\nb".utf8) + [0xff] + Data("b,101,3\n".utf8))
        },
        "movies-not-utf8": {
            try notebook(
                "load ratings=user_movies.csv movies=hot_movies.csv",
                moviesBytes: Data("101,8.2,Am".utf8) + [0xe9] + Data("lie\n".utf8))
        },
        "wrong-encoding": { try notebook("load ratings=user_movies.csv movies=hot_movies.csv encoding=utf-16") },
        "unknown-directive": { try notebook("laod ratings=user_movies.csv") },
        "unknown-option": { try notebook("load ratings=user_movies.csv seperator=;") },
        "bad-value": { try notebook("load ratings=user_movies.csv\nhead ratings n=-3") },
        "bad-choice": { try notebook("load ratings=user_movies.csv format=movielens100k") },
        "unknown-user": { try notebook("load ratings=user_movies.csv\nitem-recommend id=mallory") },
        "unknown-movie": { try notebook("load ratings=user_movies.csv movies=hot_movies.csv\nsimilar title=\"Amelie\"") },
        "missing-file": { try notebook("load ratings=absent.csv") },
        "unreadable-file": { try notebook("load ratings=folder.csv") },
        "empty-data": { try notebook("load ratings=user_movies.csv", ratings: "") },
        "empty-split": { try notebook("load ratings=user_movies.csv\nsplit test=0.9") },
        "no-training-data": {
            try notebook("load ratings=user_movies.csv\nsplit test=0.2\ntrain m model=rsvd validation=0.99 epochs=2")
        },
        "diverged": { try notebook("load ratings=user_movies.csv\nsplit test=0.2\ntrain m model=svd lr=1e20 epochs=3 batch=2") },
        "path-escape": { try notebook("load ratings=../secret.csv") },
        "corrupt-cache": corruptCache,
        "spark-driver-failed": {
            try sparkDriver(
                "#!/bin/sh\necho 'Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space' >&2\nexit 3\n")
        },
        "spark-driver-garbage": {
            try sparkDriver(
                "#!/bin/sh\necho '{\"v\": 1, \"id\": 0, \"ok\": true, \"result\": {\"master\": \"local[2]\", "
                    + "\"spark_version\": \"4.3.0\", \"startup_seconds\": 1}}'\nread request\necho garbage\nsleep 30\n")
        },
        "out-not-a-folder": outNotAFolder,
        "preview-markdown-only": {
            try preview(["--to", "md"])
        },
        "preview-bad-host": {
            try preview(["--host", "example.com"])
        },
        "preview-port-taken": {
            // Another program holds a port on the loopback address.
            try LoopbackPort.held { port in
                try preview(["--port", port]).replacingOccurrences(of: port, with: "8000")
            }
        },
        "timings-file-name": {
            let project = try makeProject()
            try Data("# Timings\n\n```rec\nload ratings=user_movies.csv\n```\n".utf8).write(
                to: project.root.appendingPathComponent("timings.md"))
            let run = try CommandRun.recbook(
                ["render", "timings.md", "--data", "data", "--out", "output", "--no-timings"], in: project.root)
            return project.readable(run.errors.trimmingCharacters(in: .whitespacesAndNewlines))
        },
        "notebook-missing": {
            let project = try makeProject()
            let run = try CommandRun.recbook(["render", "missing.md", "--data", "data", "--out", "output"], in: project.root)
            return String(run.errors.split(separator: "\n").first ?? "")
        },
        "notebook-not-utf8": {
            let project = try makeProject()
            try (Data("# Notes\n".utf8) + [0xff]).write(to: project.root.appendingPathComponent("notebook.md"))
            let run = try CommandRun.recbook(["render", "notebook.md", "--data", "data", "--out", "output"], in: project.root)
            return String(run.errors.split(separator: "\n").first ?? "")
        },
        "new-exists": {
            let project = try makeProject()
            _ = try project.notebook("stats ratings")
            let run = try CommandRun.recbook(["new", "notebook.md"], in: project.root)
            return String(run.errors.split(separator: "\n").first ?? "")
        },
        "disk-full": diskFull,
        "unknown-model": {
            try notebook("load ratings=user_movies.csv\nsplit test=0.4\ntrain svd1 model=svd k=2 epochs=1\nsave svd2")
        },
        "model-file-name": {
            try notebook(
                "load ratings=user_movies.csv\nsplit test=0.4\ntrain svd model=svd k=2 epochs=1\nsave svd file=../svd.recmodel")
        },
        "fallback-none-family": {
            try notebook("load ratings=user_movies.csv\nsplit test=0.4\ntrain base model=baseline\nevaluate base fallback=none")
        },
        "save-family": { try notebook("load ratings=user_movies.csv\nsplit test=0.4\ntrain base model=baseline\nsave base") },
        "save-cannot-write": {
            try notebook("load ratings=user_movies.csv\nsplit test=0.4\ntrain svd model=svd k=2 epochs=1\nsave svd") { project in
                try Data("x".utf8).write(to: project.output.appendingPathComponent("models"))
            }
        },
        "restore-source": { try notebook("load ratings=user_movies.csv\nrestore svd") },
        "restore-missing": { try notebook("load ratings=user_movies.csv\nrestore svd from=svd.recmodel") },
        "restore-corrupt": {
            try notebook("load ratings=user_movies.csv\nrestore svd from=svd.recmodel") { project in
                try project.saveModel(Data("not a model".utf8), as: "svd.recmodel")
            }
        },
        "restore-newer": {
            try notebook("load ratings=user_movies.csv\nrestore svd from=svd.recmodel") { project in
                let bytes = otherModel().encoded()
                let newline = bytes.firstIndex(of: 0x0A)!
                let header = String(decoding: bytes[..<newline], as: UTF8.self)
                    .replacingOccurrences(of: "\"version\":2", with: "\"version\":3")
                try project.saveModel(Data(header.utf8) + bytes[newline...], as: "svd.recmodel")
            }
        },
        "restore-split-mismatch": {
            try notebook(
                "load ratings=user_movies.csv\nsplit test=0.4\ntrain svd1 model=svd k=2 epochs=1\nsave svd1\nseed 7\n"
                    + "split test=0.4\nrestore svd2 from=svd1.recmodel\nevaluate svd2")
        },
        "restore-other-data": {
            try notebook("load ratings=user_movies.csv\nrestore svd file=other.recmodel") { project in
                try otherModel().encoded().write(to: project.data.appendingPathComponent("other.recmodel"))
            }
        },
        "book-unknown-key": { try book("title: Errors\nnotebook:\n  - notebook.md\n") },
        "book-missing-notebook": { try book("notebooks:\n  - notebook.md\n  - notebook2.md\n") },
        "book-unknown-source": {
            try book("sources:\n  douban: [data]\nnotebooks:\n  - notebook.md\n", frontMatter: "data: dooban")
        },
        "front-matter-parameter": { try book(nil, frontMatter: "params:\n  epoch: 5", params: "epochs=20") },
        "unknown-parameter": {
            do {
                try ReportRenderer.checkParameters(["epoch": "5"], notebooks: [try makeProject().notebook(params: "epochs=20")])
                return "no error"
            } catch {
                return "\(error)"
            }
        },
    ]

    // MARK: - Running the cases

    /// The first line `recbook render` prints in a project with `book` as its recbook.yml (none
    /// when `nil`, then the notebook is named), the notebook starting with `frontMatter`.
    static func book(_ book: String?, frontMatter: String? = nil, params: String? = nil) throws -> String {
        let project = try makeProject()
        let path = try project.notebook("load ratings=user_movies.csv", params: params)
        if let frontMatter {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try Data("---\n\(frontMatter)\n---\n\(text)".utf8).write(to: URL(fileURLWithPath: path))
        }
        if let book { try Data(book.utf8).write(to: project.root.appendingPathComponent("recbook.yml")) }
        let run = try CommandRun.recbook(["render", "--out", "output"] + (book == nil ? ["notebook.md"] : []), in: project.root)
        return project.readable(String(run.errors.split(separator: "\n").first ?? ""))
    }

    static let ratings = "alice,101,4\nbob,101,-1\ncarol,202,5\nalice,202,3\nbob,303,2\n"
    static let movies = "101,8.2,小王子\n202,7.0,蚁人\n303,6.1,Le Petit Prince\n"

    /// A project folder: `data/` with the two files and `folder.csv/` (a folder), a secret file
    /// beside `data/`, and room for `notebook.md` and `output/`.
    struct Project {
        let root: URL
        var data: URL { root.appendingPathComponent("data") }
        var output: URL { root.appendingPathComponent("output") }

        /// Puts `bytes` where `save` would have written a model named `name`.
        func saveModel(_ bytes: Data, as name: String) throws {
            let models = output.appendingPathComponent("models")
            try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
            try bytes.write(to: models.appendingPathComponent(name))
        }

        func notebook(_ lines: String = "", params: String? = nil) throws -> String {
            let cell = params.map { "params \($0)\n" + lines } ?? lines
            let path = root.appendingPathComponent("notebook.md").path
            try Data("# Errors\n\n```rec\n\(cell)\n```\n".utf8).write(to: URL(fileURLWithPath: path))
            return path
        }

        /// `text` as a user would read it here.
        func readable(_ text: String) -> String {
            var text = text
            for root in [DataFolderPath.canonical(root.path), root.path] {
                text = text.replacingOccurrences(of: root + "/data", with: "data")
                text = text.replacingOccurrences(of: root + "/output", with: "output")
                text = text.replacingOccurrences(of: root + "/notebook.md", with: "notebook.md")
                text = text.replacingOccurrences(of: root, with: "/work/project")
            }
            return text
        }
    }

    static func makeProject(ratings: Data = Data(ratings.utf8), movies: Data = Data(movies.utf8)) throws -> Project {
        let project = Project(root: try TestPaths.temporaryFolder())
        try FileManager.default.createDirectory(
            at: project.data.appendingPathComponent("folder.csv"), withIntermediateDirectories: true)
        try ratings.write(to: project.data.appendingPathComponent("user_movies.csv"))
        try movies.write(to: project.data.appendingPathComponent("hot_movies.csv"))
        try Data(ratings).write(to: project.root.appendingPathComponent("secret.csv"))
        return project
    }

    /// The first error of a notebook holding `lines` in one cell, as the report shows it;
    /// `prepare` puts files in place first.
    static func notebook(
        _ lines: String, ratings: String = ratings, prepare: (Project) throws -> Void = { _ in }
    ) throws -> String {
        try notebook(lines, ratingsBytes: Data(ratings.utf8), prepare: prepare)
    }

    static func notebook(
        _ lines: String, ratingsBytes: Data = Data(ratings.utf8), moviesBytes: Data = Data(movies.utf8),
        prepare: (Project) throws -> Void = { _ in }
    ) throws -> String {
        let project = try makeProject(ratings: ratingsBytes, movies: moviesBytes)
        let path = try project.notebook(lines)
        try FileManager.default.createDirectory(at: project.output, withIntermediateDirectories: true)
        try prepare(project)
        let document = MarkdownParser.parse(try String(contentsOfFile: path, encoding: .utf8), file: "notebook.md")
        let context = RunContext(dataFolder: project.data.path, notebookFile: "notebook.md", outputFolder: project.output.path)
        let run = NotebookRunner.run(document, context: context, keepGoing: false)
        return project.readable(run.firstError?.description ?? "no error")
    }

    /// An untrained SVD model for 4 users and 2 movies: not the shape of the project's data
    /// (3 users, 3 movies).
    static func otherModel() -> FactorModel {
        let config = FactorModelConfig(kind: .svd, factors: 2)
        let layout = FactorLayout(kind: .svd, users: 4, movies: 2, factors: 2, hiddenUnits: config.hiddenUnits)
        return FactorModel(
            config: config, layout: layout, parameters: [Float](repeating: 0, count: layout.count),
            seenUsers: [Bool](repeating: true, count: 4), seenMovies: [true, true], history: TrainingHistory())
    }

    static let corruptCache: Case = {
        let project = try makeProject()
        let cacheFolder = project.root.appendingPathComponent(".recbook-cache").path
        let cache = CellCache(folder: cacheFolder)
        let markdown = "# Errors\n\n```rec\nload ratings=user_movies.csv\nfit-stub name=svd\n```\n"
        _ = RunnerFixtures.run(markdown, file: "notebook.md", data: project.data.path, cache: cache)
        for name in try FileManager.default.contentsOfDirectory(atPath: cacheFolder) where name.hasSuffix(".entry") {
            try RunnerFixtures.write("not a cache entry", to: cacheFolder + "/" + name)
        }
        let run = RunnerFixtures.run(markdown, file: "notebook.md", data: project.data.path, cache: cache)
        return run.cells.flatMap(\.cacheEvents).map(\.summary).joined(separator: "\n")
    }

    /// `recbook preview notebook.md` with `options`: its error, from the first line that says one.
    static func preview(_ options: [String]) throws -> String {
        let project = try makeProject()
        _ = try project.notebook("load ratings=user_movies.csv")
        let run = try CommandRun.recbook(
            ["preview", "notebook.md", "--data", "data", "--out", "output"] + options, in: project.root)
        let lines = run.errors.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        return project.readable(lines.first.map(String.init) ?? run.errors)
    }

    /// A stand-in for the driver's Python (`PYSPARK_DRIVER_PYTHON`) that runs `script` instead.
    static func sparkDriver(_ script: String) throws -> String {
        let project = try makeProject()
        let driver = project.root.appendingPathComponent("driver-python").path
        try Data(script.utf8).write(to: URL(fileURLWithPath: driver))
        chmod(driver, 0o755)
        // A stand-in Java too, so that the case runs where no JDK is installed.
        let java = project.root.appendingPathComponent("jdk/bin")
        try FileManager.default.createDirectory(at: java, withIntermediateDirectories: true)
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: java.appendingPathComponent("java"))
        chmod(java.appendingPathComponent("java").path, 0o755)
        _ = try project.notebook("load ratings=user_movies.csv\nsplit test=0.2\ntrain als model=als engine=spark")
        let run = try CommandRun.recbook(
            ["render", "notebook.md", "--data", "data", "--out", "output", "--no-cache"], in: project.root,
            environment: [
                "PYSPARK_DRIVER_PYTHON": driver, "JAVA_HOME": project.root.appendingPathComponent("jdk").path,
                "TMPDIR": project.root.path,
            ])
        return project.readable(firstLine(ofErrorsIn: run))
    }

    static let outNotAFolder: Case = {
        let project = try makeProject()
        _ = try project.notebook("load ratings=user_movies.csv")
        try Data("x".utf8).write(to: project.root.appendingPathComponent("output"))
        let run = try CommandRun.recbook(
            ["render", "notebook.md", "--data", "data", "--out", "output/reports"], in: project.root)
        return project.readable(run.errors.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Every write of the page lands on /dev/full, as on a full disk (see `FaultTests`).
    static let diskFull: Case = {
        let project = try makeProject()
        let output = project.root.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        do {
            try AtomicFile.write(
                Data("<html>".utf8), to: output.appendingPathComponent("notebook.html").path, opener: FullDisk.opener)
            return "no error"
        } catch {
            return project.readable("\(error)")
        }
    }

    /// The failing notebook's message: the lines after `FAILED` up to the end of stderr.
    static func firstLine(ofErrorsIn run: CommandRun) -> String {
        let lines = run.errors.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("notebook.md:") }) else { return run.errors }
        return lines[start...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

private func + (left: Data, right: [UInt8]) -> Data {
    var joined = left
    joined.append(contentsOf: right)
    return joined
}

private func + (left: Data, right: Data) -> Data {
    var joined = left
    joined.append(right)
    return joined
}
