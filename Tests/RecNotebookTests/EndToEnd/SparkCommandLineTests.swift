import Foundation
import RecTestSupport
import Testing

/// `engine=spark` through the built binary, without Spark: a fake `java` and a fake driver
/// Python stand in, so what the user sees when pyspark is missing, and what reaches Spark's
/// `spark-submit` (through pyspark's `PYSPARK_SUBMIT_ARGS`) from `--spark-master`, are checked on
/// any machine.
@Suite(.serialized) struct SparkCommandLineTests {
    static let notebook = NotebookFixture.cell(
        "load ratings=user_movies.csv movies=hot_movies.csv\nsplit test=0.2\ntrain s model=als rank=2 iterations=1 engine=spark")

    /// A folder of fake tools: `java` (does nothing) and, when asked, a driver Python that
    /// writes the spark-submit arguments pyspark would pass to `arguments.txt` beside it and fails.
    static func fakeTools(driver: Bool) throws -> URL {
        let bin = try TestPaths.temporaryFolder()
        var tools = ["java": "#!/bin/sh\nexit 0\n"]
        if driver {
            tools["python3"] =
                "#!/bin/sh\necho \"$PYSPARK_SUBMIT_ARGS\" > \"\(bin.path)/arguments.txt\"\necho 'fake driver' >&2\nexit 3\n"
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
        let bin = try Self.fakeTools(driver: false)
        let (run, _) = try Self.render(environment: ["PATH": bin.path, "PYSPARK_DRIVER_PYTHON": "", "SPARK_MASTER": ""])
        #expect(run.status == 1)
        #expect(
            run.errors.contains(
                "test.md:8: pyspark was not found (looked in .venv/bin, PATH): run `make spark` to install it into .venv, or set PYSPARK_DRIVER_PYTHON to a Python that has pyspark."
            ), "\(run.errors)")
    }

    @Test func withoutJavaTheCellSaysHowToInstallIt() throws {
        let empty = try TestPaths.temporaryFolder()
        // JAVA_HOME set, but to a folder without bin/java: no Java either.
        let (run, _) = try Self.render(environment: ["PATH": empty.path, "JAVA_HOME": empty.path, "PYSPARK_DRIVER_PYTHON": ""])
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
    func theMasterReachesSpark(flag: [String], environmentMaster: String, expected: String) throws {
        let bin = try Self.fakeTools(driver: true)
        let (run, _) = try Self.render(
            flag,
            environment: [
                "PATH": bin.path + ":/usr/bin:/bin", "PYSPARK_DRIVER_PYTHON": bin.path + "/python3",
                "SPARK_MASTER": environmentMaster,
            ])
        #expect(run.status == 1, "the fake driver fails")
        #expect(run.errors.contains("the Spark driver exited with status 3"), "\(run.errors)")
        #expect(try Self.master(passedIn: bin) == expected)
    }

    /// `watch` and `check` take `--spark-master` too, through the run's options (it once reached
    /// Spark only by `render` setting SPARK_MASTER, so `watch` ignored it).
    @Test(arguments: ["watch", "check"])
    func watchAndCheckPassTheMasterOn(command: String) throws {
        let bin = try Self.fakeTools(driver: true)
        let fixture = try NotebookFixture(cells: Self.notebook)
        let environment = [
            "PATH": bin.path + ":/usr/bin:/bin", "PYSPARK_DRIVER_PYTHON": bin.path + "/python3", "SPARK_MASTER": "local[3]",
        ]
        let out = fixture.folder.path + "/out"
        if command == "check" {
            // check compares with a report, so render one first (it fails at the fake driver).
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
        #expect(try Self.master(passedIn: bin) == "spark://example:7077")
    }

    /// The master in the spark-submit arguments the fake driver was given (`--master 'URL' ...`).
    static func master(passedIn bin: URL) throws -> String? {
        let arguments = try String(contentsOf: bin.appendingPathComponent("arguments.txt"), encoding: .utf8)
        return arguments.firstMatch(of: /--master '([^']*)'/).map { String($0.1) }
    }
}
