import Foundation

/// Reads a whole data file, turning Foundation's errors into `DataError`s that name the path.
public enum DataFile {
    public static func read(_ path: String) throws(DataError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .missingFile(path: path)
        }
        guard !isDirectory.boolValue else {
            throw .unreadableFile(path: path, reason: "it is a folder, not a file")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .unreadableFile(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
