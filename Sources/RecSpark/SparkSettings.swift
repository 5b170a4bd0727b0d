import Foundation

/// Where and how Spark runs.
public struct SparkSettings: Sendable, Hashable {
    /// Spark master URL: `--spark-master`, else `SPARK_MASTER`, else `local[2]`.
    public var master: String
    /// The spark-submit executable.
    public var submit: String
    /// Folder for the job's input and output files (kept for inspection).
    public var workFolder: String

    public static let defaultMaster = "local[2]"

    public init(master: String, submit: String, workFolder: String) {
        self.master = master
        self.submit = submit
        self.workFolder = workFolder
    }

    /// Settings from the command line and the environment, checking that Java and
    /// spark-submit are there.
    /// Looks for spark-submit in `SPARK_SUBMIT`, then `.venv/bin/` of `projectFolder` (where
    /// `make spark` installs pyspark), then on `PATH`.
    public static func resolve(
        master: String?, workFolder: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        projectFolder: String = FileManager.default.currentDirectoryPath
    ) throws(SparkError) -> SparkSettings {
        let resolvedMaster = master ?? environment["SPARK_MASTER"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultMaster
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        guard
            executable(named: "java", in: path) != nil || environment["JAVA_HOME"].map({ isExecutable($0 + "/bin/java") }) == true
        else {
            throw .missingJava
        }
        var looked: [String] = []
        if let explicit = environment["SPARK_SUBMIT"], !explicit.isEmpty {
            guard isExecutable(explicit) else { throw .missingPySpark(looked: ["SPARK_SUBMIT=\(explicit)"]) }
            return SparkSettings(master: resolvedMaster, submit: explicit, workFolder: workFolder)
        }
        let local = projectFolder + "/.venv/bin/spark-submit"
        looked.append(".venv/bin/spark-submit")
        if isExecutable(local) { return SparkSettings(master: resolvedMaster, submit: local, workFolder: workFolder) }
        looked.append("PATH")
        if let onPath = executable(named: "spark-submit", in: path) {
            return SparkSettings(master: resolvedMaster, submit: onPath, workFolder: workFolder)
        }
        throw .missingPySpark(looked: looked)
    }

    private static func executable(named name: String, in path: [String]) -> String? {
        path.map { $0 + "/" + name }.first(where: isExecutable)
    }

    private static func isExecutable(_ path: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: path)
    }
}
