/// What can go wrong when training on Spark, each said with what to do about it.
public enum SparkError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingJava
    case missingPySpark(looked: [String])
    case cannotWrite(path: String, reason: String)
    case jobFailed(status: String, stderrTail: String)
    case invalidOutput(file: String, reason: String)

    public var description: String {
        switch self {
        case .missingJava:
            return
                "Spark needs Java (17 works), and `java` is not on PATH: install it with `apt-get install -y openjdk-17-jre-headless`."
        case .missingPySpark(let looked):
            return
                "spark-submit was not found (looked in \(looked.joined(separator: ", "))): run `make spark` to install pyspark into .venv, "
                + "or set SPARK_SUBMIT to a spark-submit executable."
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write the Spark job's input: \(reason)"
        case .jobFailed(let status, let tail):
            return "the Spark job failed (\(status)); the end of its error output:\n\(tail)"
        case .invalidOutput(let file, let reason):
            return "the Spark job's output is not usable: \(file): \(reason)"
        }
    }
}
