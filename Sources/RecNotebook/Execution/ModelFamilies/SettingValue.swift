/// One value of a model setting, as read from a directive or taken from its default.
enum SettingValue: Hashable, Sendable, CustomStringConvertible {
    case whole(Int)
    case decimal(Double)
    case flag(Bool)
    case word(String)
    /// Not set, for settings that are off unless given (e.g. `patience`).
    case off

    var description: String {
        switch self {
        case .whole(let value): return "\(value)"
        case .decimal(let value): return DisplayNumber.shortest(value)
        case .flag(let value): return "\(value)"
        case .word(let value): return value
        case .off: return "off"
        }
    }
}
