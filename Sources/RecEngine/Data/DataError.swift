/// Problems with a user's data files. Each message names the file (and line, where there is one)
/// and says what to do, because it is printed to the user as it is.
public enum DataError: Error, Equatable, CustomStringConvertible, Sendable {
    case missingFile(path: String)
    case unreadableFile(path: String, reason: String)
    case malformedRow(path: String, line: Int, reason: String)
    case emptyData(path: String)
    case invalidFormat(String)
    /// The distinct user or movie ids' bytes passed the 16 GB the id table can address.
    case tooManyIds(path: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): no such file"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        case .malformedRow(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .emptyData(let path):
            return "\(path): holds no data rows"
        case .invalidFormat(let reason):
            return "invalid file format: \(reason)"
        case .tooManyIds(let path):
            return "\(path): its distinct user or movie ids take more than 16 GB; split the file"
        }
    }
}
