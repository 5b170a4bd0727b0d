import Foundation

/// Where and how Spark runs: the master, and the Python that runs recbook's driver program.
public struct SparkSettings: Sendable, Hashable {
    /// Spark master URL: `--spark-master`, else `SPARK_MASTER`, else `local[2]`.
    public var master: String
    /// The Python that has pyspark (or anything that speaks the driver protocol, given the
    /// driver program's path as its only argument).
    public var python: String
    /// The environment the driver starts with.
    public var environment: [String: String]

    public static let defaultMaster = "local[2]"

    public init(master: String, python: String, environment: [String: String]) {
        self.master = master
        self.python = python
        self.environment = environment
    }

    /// Settings from the command line and the environment, checking that Java and pyspark are there.
    /// The driver's Python is `PYSPARK_DRIVER_PYTHON` (Spark's own variable), else the project
    /// virtualenv's (`.venv/bin/python3` of `projectFolder`, where `make spark` installs pyspark),
    /// else `python3` on `PATH` beside a `spark-submit`.
    public static func resolve(
        master: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        projectFolder: String = FileManager.default.currentDirectoryPath
    ) throws(SparkError) -> SparkSettings {
        let resolvedMaster = master ?? environment["SPARK_MASTER"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultMaster
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        guard
            executable(named: "java", in: path) != nil || environment["JAVA_HOME"].map({ isExecutable($0 + "/bin/java") }) == true
        else {
            throw .missingJava
        }
        let python = try driverPython(environment: environment, path: path, projectFolder: projectFolder)
        return SparkSettings(
            master: resolvedMaster, python: python,
            environment: driverEnvironment(master: resolvedMaster, python: python, inherited: environment))
    }

    private static func driverPython(
        environment: [String: String], path: [String], projectFolder: String
    ) throws(SparkError) -> String {
        if let explicit = environment["PYSPARK_DRIVER_PYTHON"], !explicit.isEmpty {
            let found = explicit.contains("/") ? explicit : executable(named: explicit, in: path)
            guard let found, isExecutable(found) else { throw .missingPySpark(looked: ["PYSPARK_DRIVER_PYTHON=\(explicit)"]) }
            return found
        }
        let venv = projectFolder + "/.venv/bin/"
        if isExecutable(venv + "spark-submit"), isExecutable(venv + "python3") { return venv + "python3" }
        for folder in path where isExecutable(folder + "/spark-submit") && isExecutable(folder + "/python3") {
            return folder + "/python3"
        }
        throw .missingPySpark(looked: [".venv/bin", "PATH"])
    }

    /// pyspark starts the JVM through spark-submit with `PYSPARK_SUBMIT_ARGS`: the master, no web
    /// UI, no console progress bars (they would fill the log). On a local master the driver binds
    /// to the loopback address, as `make spark-cluster`'s workers do.
    private static func driverEnvironment(master: String, python: String, inherited: [String: String]) -> [String: String] {
        var environment = inherited
        let bin = (python as NSString).deletingLastPathComponent
        environment["PATH"] = bin + ":" + (inherited["PATH"] ?? "/usr/bin:/bin")
        environment["PYSPARK_PYTHON"] = inherited["PYSPARK_PYTHON"] ?? python
        var submit = ["--master", "'\(master)'"]
        if inherited["SPARK_DRIVER_MEMORY"] == nil { submit += ["--driver-memory", "4g"] }
        submit += ["--conf", "spark.ui.enabled=false", "--conf", "spark.ui.showConsoleProgress=false", "pyspark-shell"]
        environment["PYSPARK_SUBMIT_ARGS"] = submit.joined(separator: " ")
        let local = master.hasPrefix("local") || master.contains("://127.0.0.1") || master.contains("://localhost")
        if local, inherited["SPARK_LOCAL_IP"] == nil { environment["SPARK_LOCAL_IP"] = "127.0.0.1" }
        return environment
    }

    private static func executable(named name: String, in path: [String]) -> String? {
        path.map { $0 + "/" + name }.first(where: isExecutable)
    }

    private static func isExecutable(_ path: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: path)
    }
}
