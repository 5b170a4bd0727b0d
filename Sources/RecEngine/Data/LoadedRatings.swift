/// A ratings file read into a table, with what was skipped (only with `skipMalformed`).
public struct LoadedRatings: Sendable {
    public var table: RatingsTable
    public var skipped: SkippedRows
}
