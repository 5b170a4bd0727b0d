import RecEngine

/// One setting a model family takes: its name, what values it allows, its default and what it
/// means. The family's file is the one place the default lives; the directive reference and the
/// "has no setting" errors are made from it.
struct ModelSetting: Sendable {
    enum Kind: Sendable {
        case whole(ClosedRange<Int>)
        case decimal(DecimalRange)
        case flag
        case word([String])
    }

    enum DecimalRange: Sendable {
        /// `>= 0`.
        case nonNegative
        /// `> 0`.
        case positive
        /// From 0 up to but not including 1.
        case fraction
    }

    enum Default: Sendable {
        case value(SettingValue)
        /// Chosen from the number of training rows; the text says how, for the reference.
        case rule(String, @Sendable (_ rows: Int) -> SettingValue)
        /// No value of its own: left off, the verb supplies one (a seed drawn from the master
        /// seed); the text says how, for the reference.
        case derived(String)
    }

    /// The name as written in a directive, e.g. `k`.
    var key: String
    var kind: Kind
    var fallback: Default
    /// One line for the directive reference.
    var meaning: String
    /// Names other families use for the same idea (`k` for `rank`), for "did you mean".
    var alsoCalled: [String] = []

    /// The default for a fit on `rows` training ratings.
    func defaultValue(rows: Int) -> SettingValue {
        switch fallback {
        case .value(let value): return value
        case .rule(_, let rule): return rule(rows)
        case .derived: return .off
        }
    }

    /// The default as the reference shows it: the value, or the rule.
    var defaultText: String {
        switch fallback {
        case .value(let value): return value.description
        case .rule(let text, _): return text
        case .derived(let text): return text
        }
    }

    /// What the setting accepts, in words (`a whole number from 1 to 1000`).
    var allowed: String {
        switch kind {
        case .whole(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .decimal(.nonNegative): return "a number >= 0"
        case .decimal(.positive): return "a number > 0"
        case .decimal(.fraction): return "a number from 0 up to but not including 1"
        case .flag: return "true or false"
        case .word(let words): return "one of \(words.joined(separator: ", "))"
        }
    }

    /// Reads one written value, checking it against the allowed range.
    func parse(_ text: String) throws(ConfigError) -> SettingValue {
        let refused = ConfigError(setting: key, allowed: allowed, given: "`\(text)`")
        switch kind {
        case .whole(let range):
            // Through Double so that `1e4` reads as 10000, as it always has.
            guard let number = Double(text), number == number.rounded(), abs(number) < 1e9 else { throw refused }
            guard range.contains(Int(number)) else { throw refused }
            return .whole(Int(number))
        case .decimal(let range):
            guard let number = Double(text), number.isFinite else { throw refused }
            switch range {
            case .nonNegative: guard number >= 0 else { throw refused }
            case .positive: guard number > 0 else { throw refused }
            case .fraction: guard number >= 0 && number < 1 else { throw refused }
            }
            return .decimal(number)
        case .flag:
            switch text {
            case "true", "yes", "on": return .flag(true)
            case "false", "no", "off": return .flag(false)
            default: throw refused
            }
        case .word(let words):
            guard words.contains(text) else { throw refused }
            return .word(text)
        }
    }
}
