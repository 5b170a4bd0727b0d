import Foundation
import RecTestSupport
import Testing

/// `engine=spark` through the built binary, without Spark: a fake `java` and a fake
/// `spark-submit` stand in, so what the user sees when pyspark is missing, and what reaches
/// spark-submit from `--spark-master`, are checked on any machine.
@Suite(.serialized) struct SparkCommandLineTests {
    static let notebook = NotebookFixture.cell(
        "load ratings=user_movies.csv movies=hot_movies.csv\nsplit test=0.2\ntrain s model=als rank=2 iterations=1 engine=spark")

    /// A folder of fake tools: `java` (does nothing) and, when asked, a `spark-submit` that
    /// writes its arguments one a line to `arguments.txt` beside it and fails.
    static func fakeTools(submit: Bool) throws -> URL {
        let bin = try TestPaths.temporaryFolder()
        var tools = ["java": "#!/bin/sh\nexit 0\n"]
        if submit {
            tools["spark-submit"] =
                "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > \"\(bin.path)/arguments.txt\"\necho 'fake spark-submit' >&2\nexit 3\n"
        }
        for (name, script) in tools {
            FileManager.default.createFile(
                atPath: bin.appendingPathComponent(name).path, contents: Data(script.utf8),
                attributes: [.posixPermissions: 0o755])
        }
        return bin
    }

    /// Renders the Spark notebook from an empty folder (so no `.venv` is found) with `environment`.
    static func render(_ extra: [String] = [], environment: [String: String]) throws -> (CommandRun, folder: URL) {
        let fixture = try NotebookFixture(cells: notebook)
        let run = try CommandRun.recbook(
            ["render", fixture.notebook, "--data", fixture.folder.path, "--out", fixture.folder.path + "/out", "--no-cache"]
                + extra,
            in: fixture.folder, environment: environment)
        return (run, fixture.folder)
    }

    @Test func withoutPySparkTheCellSaysWhereItLookedAndWhatToRun() throws {
        let bin = try Self.fakeTools(submit: false)
        let (run, _) = try Self.render(environment: ["PATH": bin.path, "SPARK_SUBMIT": "", "SPARK_MASTER": ""])
        #expect(run.status == 1)
        #expect(
            run.errors.contains(
                "test.md:8: spark-submit was not found (looked in .venv/bin/spark-submit, PATH): run `make spark` to install pyspark into .venv, or set SPARK_SUBMIT to a spark-submit executable."
            ), "\(run.errors)")
    }

    @Test func withoutJavaTheCellSaysHowToInstallIt() throws {
        let empty = try TestPaths.temporaryFolder()
        // JAVA_HOME set, but to a folder without bin/java: no Java either.
        let (run, _) = try Self.render(environment: ["PATH": empty.path, "JAVA_HOME": empty.path, "SPARK_SUBMIT": ""])
        #expect(run.status == 1)
        #expect(
            run.errors.contains(
                "test.md:8: Spark needs Java (17 works), and `java` is not on PATH: install it with `apt-get install -y openjdk-17-jre-headless`."
            ), "\(run.errors)")
    }

    /// README: "master: `--spark-master`, else `SPARK_MASTER`, else `local[2]`".
    @Test(arguments: [
        (["--spark-master", "spark://example:7077"], "local[3]", "spark://example:7077"),
        ([], "local[3]", "local[3]"),
        ([], "", "local[2]"),
    ])
    func theMasterReachesSparkSubmit(flag: [String], environmentMaster: String, expected: String) throws {
        let bin = try Self.fakeTools(submit: true)
        let (run, _) = try Self.render(
            flag,
            environment: [
                "PATH": bin.path + ":/usr/bin:/bin", "SPARK_SUBMIT": bin.path + "/spark-submit",
                "SPARK_MASTER": environmentMaster,
            ])
        #expect(run.status == 1, "the fake spark-submit fails")
        #expect(run.errors.contains("the Spark job failed (exited(3))"), "\(run.errors)")
        let arguments = try String(contentsOf: bin.appendingPathComponent("arguments.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let master = try #require(arguments.firstIndex(of: "--master"))
        #expect(arguments[master + 1] == expected)
    }

    /// `watch` and `check` take `--spark-master` too, through the run's options (it once reached
    /// Spark only by `render` setting SPARK_MASTER, so `watch` ignored it).
    @Test(arguments: ["watch", "check"])
    func watchAndCheckPassTheMasterOn(command: String) throws {
        let bin = try Self.fakeTools(submit: true)
        let fixture = try NotebookFixture(cells: Self.notebook)
        let environment = [
            "PATH": bin.path + ":/usr/bin:/bin", "SPARK_SUBMIT": bin.path + "/spark-submit", "SPARK_MASTER": "local[3]",
        ]
        let out = fixture.folder.path + "/out"
        if command == "check" {
            // check compares with a report, so render one first (it fails at the fake Spark).
            _ = try CommandRun.recbook(
                ["render", fixture.notebook, "--data", fixture.folder.path, "--out", out, "--no-cache"], in: fixture.folder,
                environment: environment)
        }
        let arguments =
            command == "watch"
            ? ["watch", fixture.notebook, "--data", fixture.folder.path, "--out", out, "--no-cache", "--max-renders", "1"]
            : ["check", fixture.notebook, "--data", fixture.folder.path, "--out", out]
        _ = try CommandRun.recbook(
            arguments + ["--spark-master", "spark://example:7077"], in: fixture.folder, environment: environment)
        let passed = try String(contentsOf: bin.appendingPathComponent("arguments.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let master = try #require(passed.firstIndex(of: "--master"))
        #expect(passed[master + 1] == "spark://example:7077")
    }
}
