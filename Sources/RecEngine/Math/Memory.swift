import CIntrinsics

/// A view of elements that something else keeps alive: a `MemoryArena`, an array inside
/// `Memory.with`, or stack scratch inside `Memory.withScratch`. It is the one pointer type of the
/// engine's hot loops (the factor models' training, ALS's systems, the SGD walk), so that raw
/// pointers, their arithmetic and the eight-lane loads live in this file and `MemoryArena` only.
///
/// Debug builds (the tests) check every index and offset against the end of the memory the view
/// came from; release builds check nothing, as the loops that use it are the engine's whole cost.
/// A `Memory` may be shared by parallel tasks: its users guarantee that no two tasks write the
/// same element (as `DisjointWrites` asks) and that no view outlives its owner.
struct Memory<Element>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Element>
    #if DEBUG
        /// Elements from `base` to the end of the owner's block.
        private let available: Int
    #endif

    /// Only `MemoryArena` and this file's `with`s make views: they know where the memory ends.
    init(_ base: UnsafeMutablePointer<Element>, count: Int) {
        self.base = base
        #if DEBUG
            available = count
        #endif
    }

    @inline(__always)
    private func check(_ index: Int, _ width: Int = 1) {
        #if DEBUG
            precondition(index >= 0 && index + width <= available, "Memory index \(index) out of 0..<\(available)")
        #endif
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            check(index)
            return base[index]
        }
        nonmutating set {
            check(index)
            base[index] = newValue
        }
    }

    /// The first element.
    @inline(__always)
    var pointee: Element {
        get { self[0] }
        nonmutating set { self[0] = newValue }
    }

    /// The view from `offset` elements on.
    @inline(__always)
    static func + (memory: Memory, offset: Int) -> Memory {
        memory.check(offset, 0)
        #if DEBUG
            return Memory(memory.base + offset, count: memory.available - offset)
        #else
            return Memory(memory.base + offset, count: 0)
        #endif
    }

    /// Sets `count` elements from the first to `value`.
    func update(repeating value: Element, count: Int) {
        guard count > 0 else { return }
        check(0, count)
        base.update(repeating: value, count: count)
    }

    /// Copies `count` elements of `source` here.
    func update(from source: Memory, count: Int) {
        guard count > 0 else { return }
        check(0, count)
        source.check(0, count)
        base.update(from: source.base, count: count)
    }

    /// Copies `values` here.
    func update(from values: [Element]) {
        check(0, values.count)
        values.withUnsafeBufferPointer { values in
            guard let start = values.baseAddress else { return }
            base.update(from: start, count: values.count)
        }
    }

    /// The first `count` elements as an array.
    func array(count: Int) -> [Element] {
        check(0, count)
        return Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// Exchanges elements `i` and `j`.
    @inline(__always)
    func swapAt(_ i: Int, _ j: Int) {
        let value = self[i]
        self[i] = self[j]
        self[j] = value
    }

    /// Asks the CPU for the cache line of element `index`, to be written soon.
    @inline(__always)
    func prefetchForWrite(_ index: Int = 0) {
        recbook_prefetch_for_write(base + index)
    }

    /// Asks the CPU for the cache line of element `index`, to be read soon.
    @inline(__always)
    func prefetchForRead(_ index: Int = 0) {
        recbook_prefetch_for_read(base + index)
    }

    /// Where the first element lives: only for the C kernels of `CIntrinsics`.
    var address: UnsafeMutablePointer<Element> { base }
}

extension Memory where Element: BitwiseCopyable {
    /// `V.scalarCount` elements from `index` as one vector; `index` need not be aligned.
    @inline(__always)
    func load<V: SIMD>(_: V.Type, at index: Int) -> V where V.Scalar == Element {
        check(index, V.scalarCount)
        return UnsafeRawPointer(base + index).loadUnaligned(as: V.self)
    }

    /// Writes `vector`'s lanes to the elements from `index`; `index` need not be aligned.
    @inline(__always)
    func store<V: SIMD>(_ vector: V, at index: Int) where V.Scalar == Element {
        check(index, V.scalarCount)
        UnsafeMutableRawPointer(base + index).storeBytes(of: vector, as: V.self)
    }
}

extension Memory {
    /// Runs `body` with a view of `array`'s elements, which it may write.
    static func with<Result, Failure: Error>(
        _ array: inout [Element], _ body: (Memory) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let count = array.count
        return try array.withUnsafeMutableBufferPointer { (buffer) throws(Failure) -> Result in
            try body(Memory(buffer.baseAddress ?? Self.empty, count: count))
        }
    }

    /// Runs `body` with a view of `array`'s elements, which it must only read.
    static func reading<Result, Failure: Error>(
        _ array: [Element], _ body: (Memory) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try array.withUnsafeBufferPointer { (buffer) throws(Failure) -> Result in
            try body(Memory(buffer.baseAddress.map { UnsafeMutablePointer(mutating: $0) } ?? Self.empty, count: buffer.count))
        }
    }

    /// Runs `body` with `count` uninitialised elements of scratch on the stack (or the heap when
    /// large); `body` writes each element before reading it.
    static func withScratch<Result>(count: Int, _ body: (Memory) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Element.self, capacity: max(count, 1)) { buffer in
            body(Memory(buffer.baseAddress!, count: count))
        }
    }

    /// A dangling start for empty arrays, never read: views of nothing check every index.
    static var empty: UnsafeMutablePointer<Element> {
        UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }
}
