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
