import Foundation
import RecEngine
import RecSpark

/// The notebook's Spark session: one driver, started by the first directive that needs Spark,
/// shared by every later one, and stopped when the notebook ends (`close`). A driver that broke
/// (exited, timed out) is replaced by a new one on the next directive.
final class SparkBackend {
    private var running: SparkDriver?
    /// The splits written for the driver, by the digest of their rows.
    private var splitFolders: [String: String] = [:]
    /// This session's work folder: the driver program, its log, and one folder per Spark run.
    let folder: String
    /// The master and Spark version of the first driver this session started, for the report.
    private(set) var started: (master: String, version: String)?
    /// What `load ... engine=spark` had Spark read, in order.
    var read: [String] = []

    init() {
        folder =
            FileManager.default.temporaryDirectory.appendingPathComponent("recbook-spark")
            .appendingPathComponent("session-\(UUID().uuidString.lowercased())").path
    }

    /// The running driver, started now (on `master`, see `SparkSettings.resolve`) if there is
    /// none; `started` says whether this call started it.
    func driver(master: String?) throws(SparkError) -> (driver: SparkDriver, started: Bool) {
        if let running, running.isUsable { return (running, false) }
        running = nil
        let driver = try SparkDriver.start(try SparkSettings.resolve(master: master), in: folder)
        running = driver
        if started == nil { started = (driver.master, driver.sparkVersion) }
        return (driver, true)
    }

    /// The folder holding `train` and `test` for the driver, written the first time this split is
    /// asked for; later runs on it reuse both the files and the driver's cached copy.
    func splitFolder(train: RatingsTable, test: RatingsTable) throws(SparkError) -> String {
        let key = Session.digest(train) + Session.digest(test)
        if let written = splitFolders[key] { return written }
        let split = (folder as NSString).appendingPathComponent("split-\(splitFolders.count + 1)")
        try SparkALS.writeSplit(train: train, test: test, folder: split)
        splitFolders[key] = split
        return split
    }

    /// Where the run named `name` receives Spark's output.
    func workFolder(for name: String) -> String {
        (folder as NSString).appendingPathComponent(name.filter { $0.isLetter || $0.isNumber || $0 == "-" })
    }

    /// Stops the driver (Spark and its JVM with it) and removes the work folder, unless a driver
    /// broke: then its log stays for reading.
    func close() {
        guard let running else { return }
        let healthy = running.isUsable
        running.stop()
        self.running = nil
        if healthy { try? FileManager.default.removeItem(atPath: folder) }
    }
}
