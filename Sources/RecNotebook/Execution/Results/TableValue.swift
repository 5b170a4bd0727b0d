/// A value in a result table.
public enum TableValue: Sendable, Hashable {
    case integer(Int)
    case decimal(Double)
    case text(String)
    /// pandas' NaN: shown as `NaN`, stored as `null`.
    case missing

    /// A decimal that becomes `missing` when it is NaN.
    public static func number(_ value: Double) -> TableValue {
        value.isNaN ? .missing : .decimal(value)
    }
}
