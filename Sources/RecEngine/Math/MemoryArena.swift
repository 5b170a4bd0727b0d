/// Blocks of memory that live as long as their arena: the scratch and tables of one training
/// run's optimiser, one thread's ALS systems, one epoch shuffler. Each block is handed out as a
/// `Memory` view, initialised, and freed with the arena, so no owner writes a `deinit` of its own.
final class MemoryArena: @unchecked Sendable {
    private var blocks: [UnsafeMutableRawPointer] = []

    init() {}

    /// `count` copies of `value`. With `onHugePages`, 64-byte aligned and, when big enough, on
    /// huge pages (`HugePageMemory`): for the tables the trainers read at random.
    func allocate<Element: BitwiseCopyable>(
        _ count: Int, repeating value: Element, onHugePages: Bool = false
    ) -> Memory<Element> {
        let stride = MemoryLayout<Element>.stride
        let raw =
            onHugePages
            ? HugePageMemory.allocate(byteCount: max(count, 1) * stride, alignment: 64)
            : UnsafeMutableRawPointer.allocate(
                byteCount: max(count, 1) * stride, alignment: MemoryLayout<Element>.alignment)
        blocks.append(raw)
        let typed = raw.bindMemory(to: Element.self, capacity: max(count, 1))
        typed.initialize(repeating: value, count: max(count, 1))
        return Memory(typed, count: count)
    }

    deinit {
        // Both kinds of block are released by free(3) (see `HugePageMemory.deallocate`), and
        // their elements are bitwise-copyable, so nothing needs deinitialising first.
        for block in blocks { HugePageMemory.deallocate(block) }
    }
}
