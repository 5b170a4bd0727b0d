import Foundation
import RecSpark

/// What a notebook of the book needs beyond recbook itself, as `recbook.yml` marks it:
///
/// ```
/// notebooks:
///   - path: notebooks/08-at-scale.md
///     requires: spark-cluster
/// ```
///
/// `render` and `check` skip such a notebook, saying why, when its need is not met, so a book
/// with a cluster-only notebook still renders and checks on a laptop or in CI.
public enum NotebookRequirement: String, Sendable, Hashable, CaseIterable {
    /// A Spark standalone master to connect to: `--spark-master` (else `SPARK_MASTER`) is a
    /// `spark://HOST:PORT` URL and that port accepts a connection.
    case sparkCluster = "spark-cluster"

    /// Why the requirement is not met for a run with `sparkMaster` (`--spark-master`), or `nil`
    /// when it is.
    public func unmetReason(sparkMaster: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String?
    {
        switch self {
        case .sparkCluster:
            let advice = "start one (`make spark-cluster`) and pass --spark-master spark://127.0.0.1:7077"
            let settings: SparkSettings
            do {
                settings = try SparkSettings.resolve(master: sparkMaster, environment: environment)
            } catch {
                return "it needs a Spark cluster, and Spark cannot start here: \(error)"
            }
            guard let (host, port) = Self.standaloneAddress(settings.master) else {
                return "it needs a Spark cluster and the Spark master is \(settings.master); \(advice)"
            }
            guard Self.accepts(host: host, port: port, python: settings.python) else {
                return "it needs a Spark cluster and nothing answers at \(settings.master); \(advice)"
            }
            return nil
        }
    }

    /// The host and port of a `spark://HOST:PORT` master; `nil` for any other master.
    static func standaloneAddress(_ master: String) -> (host: String, port: Int)? {
        guard master.hasPrefix("spark://") else { return nil }
        let address = master.dropFirst("spark://".count)
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (1...65_535).contains(port), colon != address.startIndex
        else { return nil }
        return (String(address[..<colon]), port)
    }

    /// Whether `host:port` accepts a TCP connection within three seconds. Asked of the Python
    /// that runs the notebook's Spark driver, the one that must reach the master.
    static func accepts(host: String, port: Int, python: String) -> Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = [
            "-c", "import socket, sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=3).close()",
            host, String(port),
        ]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do {
            try probe.run()
        } catch {
            return false
        }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }
}
