/// Why a formula could not be turned into MathML; the message names what to change.
struct TeXError: Error, Sendable, Hashable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
