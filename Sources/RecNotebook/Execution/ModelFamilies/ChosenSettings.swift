/// The value of every setting of a family for one candidate fit, by key. A family's `build`
/// reads only its own settings, so a missing key is a bug, not bad input.
struct ChosenSettings: Sendable {
    var values: [String: SettingValue]

    func whole(_ key: String) -> Int {
        guard case .whole(let value) = values[key] else { preconditionFailure("no whole-number setting \(key)") }
        return value
    }

    func decimal(_ key: String) -> Double {
        guard case .decimal(let value) = values[key] else { preconditionFailure("no decimal setting \(key)") }
        return value
    }

    func flag(_ key: String) -> Bool {
        guard case .flag(let value) = values[key] else { preconditionFailure("no true/false setting \(key)") }
        return value
    }

    func word(_ key: String) -> String {
        guard case .word(let value) = values[key] else { preconditionFailure("no word setting \(key)") }
        return value
    }

    /// A whole number that may be left off (`patience`).
    func optionalDecimal(_ key: String) -> Double? {
        if case .off = values[key] { return nil }
        return decimal(key)
    }

    func optionalWhole(_ key: String) -> Int? {
        if case .off = values[key] { return nil }
        return whole(key)
    }
}
