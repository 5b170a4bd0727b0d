import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// A notebook the book marks `requires: spark-cluster` runs only when a Spark standalone master
/// answers; otherwise `render` and `check` skip it and say why, and the rest of the book runs.
@Suite(.serialized) struct BookRequirementTests {
    /// The tiny book of `BookCommandLineTests`, with `two.md` needing a cluster (line 7).
    static let book = """
        title: Tiny book
        sources:
          small: [data/small]
          big: [data/big]
        notebooks:
          - path: notebooks/two.md
            requires: spark-cluster
          - notebooks/one.md

        """

    /// Python stands in for pyspark's: the probe only opens a socket with it.
    static let environment = ["PYSPARK_DRIVER_PYTHON": "/usr/bin/python3", "SPARK_MASTER": ""]

    static func rendered(_ folder: URL, _ name: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/\(name).json").path)
    }

    @Test func withALocalMasterTheNotebookIsSkippedAndTheRestRenders() throws {
        let folder = try BookCommandLineTests.project(book: Self.book)
        let run = try CommandRun.recbook(["render", "--no-cache"], in: folder, environment: Self.environment)
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(
            run.output.contains(
                "skipped notebooks/two.md: recbook.yml line 7 says `requires: spark-cluster`: it needs a Spark cluster and "
                    + "the Spark master is local[2]; start one (`make spark-cluster`) and pass --spark-master "
                    + "spark://127.0.0.1:7077"), "\(run.output)")
        #expect(!Self.rendered(folder, "two") && Self.rendered(folder, "one"))

        let check = try CommandRun.recbook(["check"], in: folder, environment: Self.environment)
        #expect(check.status == 0, "\(check.output)\(check.errors)")
        #expect(check.output.contains("skipped notebooks/two.md: recbook.yml line 7"))
        #expect(check.output.contains("check: 1 notebook(s) match their reports; 1 skipped (see above)"))
    }

    @Test func aMasterThatDoesNotAnswerSkipsTheNotebook() throws {
        let folder = try BookCommandLineTests.project(book: Self.book)
        let port = try LoopbackPort.closed()
        let run = try CommandRun.recbook(
            ["render", "--no-cache", "--spark-master", "spark://127.0.0.1:\(port)"], in: folder, environment: Self.environment)
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(run.output.contains("nothing answers at spark://127.0.0.1:\(port);"), "\(run.output)")
        #expect(!Self.rendered(folder, "two"))
    }

    @Test func aMasterThatAnswersRunsTheNotebook() throws {
        let folder = try BookCommandLineTests.project(book: Self.book)
        try LoopbackPort.held { port in
            let run = try CommandRun.recbook(
                ["render", "--no-cache", "--spark-master", "spark://127.0.0.1:\(port)"], in: folder, environment: Self.environment
            )
            #expect(run.status == 0, "\(run.output)\(run.errors)")
            #expect(!run.output.contains("skipped"), "\(run.output)")
        }
        #expect(Self.rendered(folder, "two") && Self.rendered(folder, "one"))
    }

    @Test func theBookFileNamesTheLineOfABadEntry() throws {
        let folder = try TestPaths.temporaryFolder()
        let notebook = folder.appendingPathComponent("a.md")
        try Data("# A\n".utf8).write(to: notebook)
        func problem(_ entry: String) -> String {
            do {
                _ = try Book.parse("notebooks:\n\(entry)", file: "recbook.yml", folder: folder.path)
                return "parsed"
            } catch {
                return error.description
            }
        }
        #expect(
            problem("  - path: a.md\n    requires: spark-clustre\n")
                == "recbook.yml:3: unknown requirement `spark-clustre`. Did you mean `spark-cluster`? Known: spark-cluster.")
        #expect(problem("  - requires: spark-cluster\n") == "recbook.yml:2: a notebook entry needs `path:`, the notebook's file")
        #expect(
            problem("  - path: a.md\n    need: spark-cluster\n")
                == "recbook.yml:3: unknown key `need` in a notebook entry. Keys: path, requires.")
        let book = try Book.parse(
            "notebooks:\n  - path: a.md\n    requires: spark-cluster\n", file: "recbook.yml", folder: folder.path)
        #expect(book.requirements[notebook.path] == Book.Requirement(kind: .sparkCluster, line: 3))
    }

    @Test func onlyASparkURLWithAPortIsAStandaloneMaster() {
        #expect(NotebookRequirement.standaloneAddress("spark://10.0.0.5:7077")! == ("10.0.0.5", 7077))
        for master in ["local[2]", "spark://host", "spark://:7077", "yarn", "spark://host:0"] {
            #expect(NotebookRequirement.standaloneAddress(master) == nil, "\(master)")
        }
    }
}
