import Foundation

/// Writes files so that a reader sees the old content or the new, never half of either: the
/// bytes go to a temporary file in the same folder, which is then renamed over the target.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws(ReportError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            // rename(2) replaces the target atomically within one file system.
            guard rename(temporary.path, path) == 0 else {
                throw ReportError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        } catch let error as ReportError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}

/// Problems writing reports.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case noNotebooks(String)
    /// `-p NAME=...` where no notebook declares NAME.
    case unknownParameter(name: String, declared: [String])

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        case .cannotRead(let path, let reason): return "\(path): cannot read: \(reason)"
        case .noNotebooks(let where_): return "\(where_): no notebooks (.md files) found"
        case .unknownParameter(let name, let declared):
            let hint = Suggestions.closest(to: name, in: declared).map { " Did you mean `\($0)`?" } ?? ""
            let known =
                declared.isEmpty
                ? "The notebooks declare no parameters (a `params name=DEFAULT` directive declares one)."
                : "Declared: \(declared.joined(separator: ", "))."
            return "unknown parameter `\(name)` in -p \(name)=...\(hint) \(known)"
        }
    }
}
