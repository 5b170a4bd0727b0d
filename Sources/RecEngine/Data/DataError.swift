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

/// What a load skipped when the user asked to skip malformed rows: never a silent drop.
public struct SkippedRows: Sendable, Hashable, Codable {
    public var count: Int = 0
    /// The first few problems, as `file:line: reason`, for the report.
    public var examples: [String] = []

    public init() {}

    static let exampleLimit = 5

    mutating func record(_ error: DataError) {
        count += 1
        if examples.count < Self.exampleLimit { examples.append(error.description) }
    }

    /// Adds what a later part of the same file skipped.
    mutating func merge(_ later: SkippedRows) {
        count += later.count
        examples = Array((examples + later.examples).prefix(Self.exampleLimit))
    }
}
