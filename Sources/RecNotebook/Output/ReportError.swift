import Foundation

/// Problems writing reports.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case noNotebooks(String)
    /// `-p NAME=...` where no notebook declares NAME.
    case unknownParameter(name: String, declared: [String])
    /// A notebook refused before it runs (front matter that does not read).
    case invalidNotebook(NotebookError)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        case .cannotRead(let path, let reason): return "\(path): cannot read: \(reason)"
        case .noNotebooks(let where_): return "\(where_): no notebooks (.md files) found"
        case .invalidNotebook(let error): return error.description
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
