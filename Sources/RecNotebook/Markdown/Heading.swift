public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var anchor: String
}
