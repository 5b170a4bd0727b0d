/// An invalid item-CF setting (correlation or neighbourhood); the message names the setting,
/// the allowed range and the value given, because it is shown to the user as it is.
public struct ItemCFConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
