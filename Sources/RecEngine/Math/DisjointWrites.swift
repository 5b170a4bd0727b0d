/// An array that parallel tasks write at the same time, each at its own indices: the one
/// audited way for a task of `forEachChunk`/`forEachTask` to write into shared output.
///
/// Valid only inside `with`'s body, while the array cannot move or be read elsewhere. Callers
/// guarantee that no two tasks touch the same index (each writes the cells it owns).
struct DisjointWrites<Element>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Element>

    private init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        self.buffer = buffer
    }

    /// Runs `body` with a shared writable view of `array`.
    static func with<Result>(_ array: inout [Element], _ body: (DisjointWrites) throws -> Result) rethrows -> Result {
        try array.withUnsafeMutableBufferPointer { try body(DisjointWrites($0)) }
    }

    var count: Int { buffer.count }

    subscript(index: Int) -> Element {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}
