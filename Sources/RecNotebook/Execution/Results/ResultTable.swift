public struct ResultTable: Sendable, Hashable {
    public var title: String
    public var columns: [TableColumn]
    public var rows: [[TableValue]]
    /// Rows left out of the display (the table is a head of something longer).
    public var omittedRows: Int

    public init(title: String, columns: [TableColumn], rows: [[TableValue]], omittedRows: Int = 0) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one value per column")
        self.title = title
        self.columns = columns
        self.rows = rows
        self.omittedRows = omittedRows
    }
}
