import Dispatch

/// The training rows in each epoch's order, as the three columns the batches read.
///
/// Two orders, the same batches in distribution: Keras' `shuffle=True` permutes the rows and
/// slices batches off the permutation, so each epoch splits the rows into batches uniformly at
/// random, and the order inside a batch does not change its gradient.
///
/// - `.shuffled` (exact Adam, as Keras): the rows are shuffled in place epoch after epoch as
///   packed (user, movie, rating) records, and the columns are copied from them.
/// - `.groupedByUser` (lazy Adam): each epoch deals batch labels (`batchSize` of each, the last
///   batch short) to the rows at random, and a stable counting sort of the user-sorted rows by
///   label lays every batch out with each user's ratings side by side, users ascending. Lazy
///   Adam can then step a user as soon as it has passed the user's ratings, with no per-batch
///   grouping, and walks the user rows in address order.
///
/// With more than one thread, epoch e+1's shuffle and columns are made in the background while
/// epoch e trains on the other set of columns: they depend only on the seed and the previous
/// order, never on the parameters, and they are serial work that would otherwise stall every
/// epoch's start.
final class EpochShuffler: @unchecked Sendable {
    enum Order {
        case shuffled
        case groupedByUser(batchSize: Int)
    }

    /// The columns of the epoch `prepare` made ready, and the set the next epoch is made in.
    private(set) var columns: EpochColumns
    private var spare: EpochColumns
    /// `.shuffled`: the rows, shuffled in place each epoch. `.groupedByUser`: the rows sorted by
    /// user (stably), never moved; `labels[i]` is the batch of `records[i]`, shuffled each epoch.
    private let records: Memory<ShuffledRating>
    private let labels: Memory<Int32>
    private let count: Int
    private let batchSize: Int?
    private let seed: UInt64
    private let background: Bool
    /// The epoch whose shuffle is running in the background, and its completion signal.
    private var pending: (epoch: Int, done: DispatchSemaphore)?
    /// Owns the records, the labels and both sets of columns.
    private let arena = MemoryArena()

    /// The first `count` rows of `table`; `seed` is the model's seed.
    init(_ table: RatingsTable, count: Int, order: Order = .shuffled, seed: UInt64, threads: Int) {
        self.count = count
        records = arena.allocate(count, repeating: ShuffledRating(user: 0, movie: 0, rating: 0))
        for row in 0..<count {
            records[row] = ShuffledRating(user: table.users[row], movie: table.movies[row], rating: table.ratings[row])
        }
        switch order {
        case .shuffled:
            batchSize = nil
            labels = arena.allocate(0, repeating: 0)
        case .groupedByUser(let size):
            precondition(size > 0)
            batchSize = size
            Self.sortByUser(records, count: count, userCount: table.userCount)
            labels = arena.allocate(count, repeating: 0)
            for row in 0..<count { labels[row] = Int32(row / size) }
        }
        columns = EpochColumns(count: count, in: arena)
        spare = EpochColumns(count: threads > 1 ? count : 0, in: arena)
        self.seed = seed
        background = threads > 1
    }

    deinit {
        // The background shuffle writes into the arena's memory: let it finish first.
        pending?.done.wait()
    }

    /// Fills the columns with epoch `epoch`'s order, then (with threads to spare) starts
    /// shuffling for the next epoch unless `epoch` is `lastEpoch`.
    func prepare(epoch: Int, lastEpoch: Int) {
        if let pending, pending.epoch == epoch {
            pending.done.wait()
            swap(&columns, &spare)
        } else {
            shuffle(epoch)
            fill(columns)
        }
        pending = nil
        guard background && epoch < lastEpoch else { return }
        let done = DispatchSemaphore(value: 0)
        pending = (epoch + 1, done)
        let spare = self.spare
        DispatchQueue.global().async {
            self.shuffle(epoch + 1)
            self.fill(spare)
            done.signal()
        }
    }

    private func shuffle(_ epoch: Int) {
        let seed = SplitMix64.derived(seed, 1_000 + UInt64(epoch))
        if batchSize == nil {
            Self.shuffle(records, count: count, seed: seed) { generator, bound in generator.next() % bound }
        } else {
            Self.shuffle(labels, count: count, seed: seed) { generator, bound in generator.next(below: bound) }
        }
    }

    /// Writes the current order into `columns`: the records as they lie, or with batch labels
    /// a counting sort by label (batch b fills positions `b * batchSize` on, in record order).
    private func fill(_ columns: EpochColumns) {
        guard let batchSize else {
            for position in 0..<count { columns.store(records[position], at: position) }
            return
        }
        let batchCount = (count + batchSize - 1) / batchSize
        var next = (0..<batchCount).map { $0 * batchSize }
        for index in 0..<count {
            let batch = Int(labels[index])
            columns.store(records[index], at: next[batch])
            next[batch] += 1
        }
    }

    /// A stable counting sort of `records` by user.
    private static func sortByUser(_ records: Memory<ShuffledRating>, count: Int, userCount: Int) {
        var starts = [Int](repeating: 0, count: userCount + 1)
        for index in 0..<count { starts[Int(records[index].user) + 1] += 1 }
        for user in 0..<userCount { starts[user + 1] += starts[user] }
        let sorted = records.array(count: count)
        for record in sorted {
            records[starts[Int(record.user)]] = record
            starts[Int(record.user)] += 1
        }
    }

    /// Fisher-Yates, from a seed of its own, `draw(&generator, n)` picking in `0..<n`. The swap
    /// targets are drawn a block ahead (the same draws in the same order) so that their
    /// scattered slots can be prefetched before the swaps. The rows draw by a modulo, as they
    /// always have (exact Adam's models stay as they were); the labels by Lemire's
    /// multiplication, which saves a 64-bit division per row.
    @inline(__always)
    static func shuffle<Element>(
        _ items: Memory<Element>, count: Int, seed: UInt64, draw: (inout SplitMix64, UInt64) -> UInt64
    ) {
        var generator = SplitMix64(seed: seed)
        guard count > 1 else { return }
        let blockSize = 64
        Memory<Int>.withScratch(count: blockSize) { targets in
            var index = count - 1
            while index > 0 {
                let block = min(blockSize, index)
                for offset in 0..<block {
                    targets[offset] = Int(draw(&generator, UInt64(index - offset + 1)))
                    items.prefetchForWrite(targets[offset])
                }
                for offset in 0..<block { items.swapAt(index - offset, targets[offset]) }
                index -= block
            }
        }
    }
}
