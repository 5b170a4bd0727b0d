public struct TableColumn: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Counts and quantities: pages group their digits (`1,007,397`).
        case integer, decimal
        case text
        /// An integer that names a row rather than counts anything (a user or movie id, a dense
        /// index): written as it is, never with thousands separators.
        case identifier
        /// A wall time: shown like a decimal, but it describes the run, so `check` skips it and
        /// pages mark it as a timing.
        case seconds
    }

    public var name: String
    public var kind: Kind
    /// The fewest digits after the point for decimals; a value they do not write exactly (a
    /// MovieLens 0.5 in a whole-number rating column) shows more (see `DisplayNumber.value`).
    public var precision: Int

    public static func integer(_ name: String) -> TableColumn { TableColumn(name: name, kind: .integer, precision: 0) }
    public static func identifier(_ name: String) -> TableColumn {
        TableColumn(name: name, kind: .identifier, precision: 0)
    }
    public static func decimal(_ name: String, precision: Int) -> TableColumn {
        TableColumn(name: name, kind: .decimal, precision: precision)
    }
    public static func seconds(_ name: String, precision: Int = 2) -> TableColumn {
        TableColumn(name: name, kind: .seconds, precision: precision)
    }
    public static func text(_ name: String) -> TableColumn { TableColumn(name: name, kind: .text, precision: 0) }

    /// Whether pages write this column's numbers with thousands separators.
    public var groupsThousands: Bool { kind != .identifier && kind != .text }
}
