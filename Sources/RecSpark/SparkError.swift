/// What can go wrong when running on Spark, each said with what to do about it.
public enum SparkError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingJava
    case missingPySpark(looked: [String])
    case cannotWrite(path: String, reason: String)
    /// The driver could not start, or exited; `log` is the end of its log.
    case driverFailed(reason: String, log: String)
    /// The driver did not answer within the time allowed; it has been stopped.
    case driverTimedOut(waitingFor: String, seconds: Int, log: String)
    /// The driver answered something that is not the protocol; it has been stopped.
    case protocolError(String)
    /// The driver ran the request and reported an error (errors are data; the session goes on).
    case requestFailed(operation: String, message: String)
    case invalidOutput(file: String, reason: String)

    public var description: String {
        switch self {
        case .missingJava:
            return
                "Spark needs Java (17 works), and `java` is not on PATH: install it with `apt-get install -y openjdk-17-jre-headless`."
        case .missingPySpark(let looked):
            return
                "pyspark was not found (looked in \(looked.joined(separator: ", "))): run `make spark` to install it into .venv, "
                + "or set PYSPARK_DRIVER_PYTHON to a Python that has pyspark."
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write the Spark job's input: \(reason)"
        case .driverFailed(let reason, let log):
            return "the Spark driver \(reason)" + Self.logTail(log)
        case .driverTimedOut(let waitingFor, let seconds, let log):
            return "the Spark driver did not answer \(waitingFor) within \(seconds) s, so recbook stopped it" + Self.logTail(log)
        case .protocolError(let reason):
            return "the Spark driver broke recbook's protocol, so recbook stopped it: \(reason)"
        case .requestFailed(let operation, let message):
            return "Spark could not run \(operation): \(message)"
        case .invalidOutput(let file, let reason):
            return "the Spark job's output is not usable: \(file): \(reason)"
        }
    }

    private static func logTail(_ log: String) -> String {
        log.isEmpty ? "" : "; the end of its log:\n\(log)"
    }
}
