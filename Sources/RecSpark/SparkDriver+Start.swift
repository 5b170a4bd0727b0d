import Foundation

extension SparkDriver {
    /// Writes recbook's driver program into `folder` and starts it with `settings`' Python; its
    /// log is `folder/driver.log`.
    public static func start(_ settings: SparkSettings, in folder: String) throws(SparkError) -> SparkDriver {
        let script = (folder as NSString).appendingPathComponent(SparkDriverScript.fileName)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(SparkDriverScript.source.utf8).write(to: URL(fileURLWithPath: script))
        } catch {
            throw .cannotWrite(path: folder, reason: (error as NSError).localizedDescription)
        }
        return try SparkDriver(
            Launch(
                executable: settings.python, arguments: [script], environment: settings.environment,
                logFile: (folder as NSString).appendingPathComponent("driver.log"), master: settings.master))
    }
}
