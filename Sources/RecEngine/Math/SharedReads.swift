/// An array that parallel tasks read at the same time: the read-only twin of `DisjointWrites`,
/// through which kernels read shared input (factor matrices, sparse rows) without copying it
/// and hand it to the kernels of this folder as a `Memory` view.
///
/// Valid only inside `with`'s body, while the array cannot change.
struct SharedReads<Element>: @unchecked Sendable {
    private let buffer: UnsafeBufferPointer<Element>

    private init(_ buffer: UnsafeBufferPointer<Element>) {
        self.buffer = buffer
    }

    /// Runs `body` with a shared read-only view of `array`.
    static func with<Result>(_ array: [Element], _ body: (SharedReads) throws -> Result) rethrows -> Result {
        try array.withUnsafeBufferPointer { try body(SharedReads($0)) }
    }

    var count: Int { buffer.count }

    subscript(index: Int) -> Element { buffer[index] }

    /// The elements as a `Memory` view, for the kernels of this folder, which only read it.
    var memory: Memory<Element> {
        Memory(buffer.baseAddress.map { UnsafeMutablePointer(mutating: $0) } ?? Memory.empty, count: buffer.count)
    }
}
