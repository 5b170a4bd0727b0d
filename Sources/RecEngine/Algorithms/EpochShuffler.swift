import CIntrinsics
import Dispatch

/// The training rows in each epoch's shuffled order, as the three columns the batches read.
///
/// The rows are shuffled in place epoch after epoch as packed (user, movie, rating) records:
/// swapping whole records applies the same permutation as shuffling row indices would, without
/// the three scattered reads per row that gathering columns through an index costs. With more
/// than one thread, epoch e+1's shuffle runs in the background while epoch e trains: it depends
/// only on the seed and the previous order, never on the parameters, and it is serial work that
/// would otherwise stall every epoch's start.
final class EpochShuffler: @unchecked Sendable {
    let users: UnsafeMutableBufferPointer<Int32>
    let movies: UnsafeMutableBufferPointer<Int32>
    let ratings: UnsafeMutableBufferPointer<Float>
    private let records: UnsafeMutableBufferPointer<ShuffledRating>
    private let seed: UInt64
    private let background: Bool
    /// The epoch whose shuffle is running in the background, and its completion signal.
    private var pending: (epoch: Int, done: DispatchSemaphore)?

    /// The first `count` rows of `table`; `seed` is the model's seed.
    init(_ table: RatingsTable, count: Int, seed: UInt64, threads: Int) {
        records = .allocate(capacity: count)
        for row in 0..<count {
            records[row] = ShuffledRating(user: table.users[row], movie: table.movies[row], rating: table.ratings[row])
        }
        users = .allocate(capacity: count)
        movies = .allocate(capacity: count)
        ratings = .allocate(capacity: count)
        self.seed = seed
        background = threads > 1
    }

    deinit {
        pending?.done.wait()
        records.deallocate()
        users.deallocate()
        movies.deallocate()
        ratings.deallocate()
    }

    /// Fills the columns with epoch `epoch`'s order, then (with threads to spare) starts
    /// shuffling for the next epoch unless `epoch` is `lastEpoch`.
    func prepare(epoch: Int, lastEpoch: Int) {
        if let pending, pending.epoch == epoch {
            pending.done.wait()
        } else {
            shuffle(epoch)
        }
        pending = nil
        for (position, record) in records.enumerated() {
            users[position] = record.user
            movies[position] = record.movie
            ratings[position] = record.rating
        }
        guard background && epoch < lastEpoch else { return }
        let done = DispatchSemaphore(value: 0)
        pending = (epoch + 1, done)
        DispatchQueue.global().async {
            self.shuffle(epoch + 1)
            done.signal()
        }
    }

    private func shuffle(_ epoch: Int) {
        Self.shuffle(records, seed: SplitMix64.derived(seed, 1_000 + UInt64(epoch)))
    }

    /// Fisher-Yates, from a seed of its own. The swap targets are drawn a block ahead (the same
    /// draws in the same order) so that their scattered slots can be prefetched before the swaps.
    static func shuffle<Element>(_ items: UnsafeMutableBufferPointer<Element>, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        guard items.count > 1 else { return }
        let blockSize = 64
        let base = items.baseAddress!
        withUnsafeTemporaryAllocation(of: Int.self, capacity: blockSize) { targets in
            var index = items.count - 1
            while index > 0 {
                let block = min(blockSize, index)
                for offset in 0..<block {
                    targets[offset] = Int(generator.next() % UInt64(index - offset + 1))
                    recbook_prefetch_for_write(base + targets[offset])
                }
                for offset in 0..<block { items.swapAt(index - offset, targets[offset]) }
                index -= block
            }
        }
    }
}

/// One training rating's three columns side by side, as the epoch loop shuffles them.
struct ShuffledRating {
    var user: Int32
    var movie: Int32
    var rating: Float
}
