/// A model setting out of range; the message names the setting and what it accepts.
public struct ModelConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
