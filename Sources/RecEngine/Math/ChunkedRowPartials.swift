/// Partial gradients of the rows that many chunks of a batch touch (the movies, in lazy Adam).
/// Each chunk sums into a copy of its own and `drain` adds the copies into the rows in chunk
/// order, so the sums never depend on how many threads ran the chunks. Each chunk lists the
/// rows it touched, so a batch costs what it touches, not chunks × rows (MovieLens' 1,682
/// movies against batches of 256).
final class ChunkedRowPartials: @unchecked Sendable {
    let rowWidth: Int
    private let rows: Int
    private let chunks: Int
    /// `chunks × rows × rowWidth` floats, all zero between batches.
    private let sums: Memory<Float>
    /// Per chunk and row, then per row for the whole batch: the batch that last touched it.
    private let marks: Memory<Int>
    /// Per chunk, the rows it touched in order of first touch (`listCapacity` each), and how
    /// many; the counts a cache line apart, as different workers bump them.
    private let touched: Memory<Int32>
    private let counts: Memory<Int>
    private let arena = MemoryArena()
    private let listCapacity: Int
    private static let countStride = 8
    private var batch = 0

    init(rows: Int, rowWidth: Int, chunks: Int, maxBatch: Int) {
        self.rows = rows
        self.rowWidth = rowWidth
        self.chunks = chunks
        listCapacity = max(1, min(rows, maxBatch))
        sums = arena.allocate(chunks * rows * rowWidth, repeating: 0)
        marks = arena.allocate((chunks + 1) * rows, repeating: 0)
        touched = arena.allocate(chunks * listCapacity, repeating: 0)
        counts = arena.allocate(chunks * Self.countStride, repeating: 0)
    }

    /// Starts a batch: no chunk has touched any row.
    func begin() {
        batch += 1
        for chunk in 0..<chunks { counts[chunk * Self.countStride] = 0 }
    }

    /// Row `row`'s partial sum in `chunk` (`rowWidth` floats), listed as touched on first use.
    /// Only the worker running `chunk` may call it.
    @inline(__always)
    func partial(_ chunk: Int, _ row: Int) -> Memory<Float> {
        let mark = marks + chunk * rows + row
        if mark.pointee != batch {
            mark.pointee = batch
            let count = counts + chunk * Self.countStride
            touched[chunk * listCapacity + count.pointee] = Int32(row)
            count.pointee += 1
        }
        return sums + (chunk * rows + row) * rowWidth
    }

    /// Adds every chunk's partials into `target(row)` in chunk order and clears them; then calls
    /// `body` once per row the batch touched, in order of first touch.
    func drain(into target: (Int) -> Memory<Float>, _ body: (Int) -> Void) {
        let batchMarks = marks + chunks * rows
        var distinct: [Int] = []
        distinct.reserveCapacity(listCapacity)
        for chunk in 0..<chunks {
            for index in 0..<counts[chunk * Self.countStride] {
                let row = Int(touched[chunk * listCapacity + index])
                let part = sums + (chunk * rows + row) * rowWidth
                let into = target(row)
                for lane in 0..<rowWidth {
                    into[lane] += part[lane]
                    part[lane] = 0
                }
                if batchMarks[row] != batch {
                    batchMarks[row] = batch
                    distinct.append(row)
                }
            }
        }
        for row in distinct { body(row) }
    }
}
