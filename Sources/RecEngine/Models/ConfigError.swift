/// A model setting given a value it does not take: which setting, what it allows and what was
/// given, so the message tells the user what to write instead.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The setting's name as the user writes it, e.g. `k` or `lr`.
    public var setting: String
    /// What the setting accepts, e.g. `a whole number from 1 to 1000`.
    public var allowed: String
    /// The value as given, e.g. `0` or `` `abc` ``.
    public var given: String

    public init(setting: String, allowed: String, given: String) {
        self.setting = setting
        self.allowed = allowed
        self.given = given
    }

    public var description: String { "\(setting) must be \(allowed), not \(given)" }
}
