/// One batch seen from one side, users or movies: the batch's positions split
/// into buckets by row id (`id % bucketCount`, so no two buckets share a row), and each bucket's
/// positions grouped by row, stably, the rows in order of first appearance.
///
/// A bucket is one worker's share of a step: it visits each of its rows once, with all of that
/// row's ratings in batch order, so every row's gradient is summed exactly as one loop over the
/// batch would sum it, on any number of threads. Bucketing is a counting sort that reads the ids
/// in sequence; the scattered part (each row's mark) runs inside the buckets, in parallel.
final class BatchGroups: @unchecked Sendable {
    /// One bucket after `group`: its rows and where each one's positions are in `positions`.
    struct Bucket {
        fileprivate let groups: BatchGroups
        /// Where the bucket's region starts in the per-position buffers.
        fileprivate let lower: Int
        /// How many distinct rows the bucket holds.
        let count: Int

        /// The row id of group `slot` (0..<count).
        func row(_ slot: Int) -> Int { Int(groups.groupRows[lower + slot]) }

        /// The batch positions of group `slot`'s ratings, in batch order.
        func positions(_ slot: Int) -> Positions {
            let start = slot == 0 ? lower : Int(groups.groupEnds[lower + slot - 1])
            return Positions(grouped: groups.grouped, range: start..<Int(groups.groupEnds[lower + slot]))
        }
    }

    /// One group's batch positions, in batch order.
    struct Positions: Sequence, IteratorProtocol {
        fileprivate let grouped: Memory<Int32>
        fileprivate var range: Range<Int>

        mutating func next() -> Int32? {
            guard let index = range.popFirst() else { return nil }
            return grouped[index]
        }
    }

    let bucketCount: Int
    /// Per row: the step that last touched it and its group's slot in that step's bucket.
    private let marks: Memory<SIMD2<Int32>>
    private let rowCount: Int
    /// Positions ordered by bucket, in batch order within each; `bucketEnds[b]` ends bucket b.
    private let bucketed: Memory<Int32>
    private let bucketEnds: Memory<Int>
    /// Per position of `bucketed`: its row's slot. Per bucket region: the rows (`groupRows`), the
    /// end of each group in `grouped` (`groupEnds`), and the positions grouped by row (`grouped`).
    private let slots: Memory<Int32>
    fileprivate let groupRows: Memory<Int32>
    fileprivate let groupEnds: Memory<Int32>
    fileprivate let grouped: Memory<Int32>
    private let arena = MemoryArena()
    private var stamp: Int32 = -1
    /// How many positions ahead `group` prefetches a row's mark (a light loop: one lookup each).
    private static let prefetchDistance = 32

    /// `bucketCount` must be a power of two: a row's bucket is its id's low bits, not a division.
    init(rows: Int, maxBatch: Int, bucketCount: Int) {
        precondition(bucketCount > 0 && bucketCount & (bucketCount - 1) == 0, "bucketCount must be a power of two")
        self.bucketCount = bucketCount
        rowCount = rows
        marks = arena.allocate(rows, repeating: SIMD2(-1, 0))
        bucketEnds = arena.allocate(bucketCount, repeating: 0)
        bucketed = arena.allocate(maxBatch, repeating: 0)
        slots = arena.allocate(maxBatch, repeating: 0)
        groupRows = arena.allocate(maxBatch, repeating: 0)
        groupEnds = arena.allocate(maxBatch, repeating: 0)
        grouped = arena.allocate(maxBatch, repeating: 0)
    }

    /// Splits the batch's positions `0..<count` into buckets by `ids[first + position]`; starts a
    /// new step for the marks.
    func bucket(_ count: Int, ids: Memory<Int32>, first: Int) {
        stamp = stamp == Int32.max ? 0 : stamp + 1
        if stamp == 0 { marks.update(repeating: SIMD2(-1, 0), count: rowCount) }
        bucketEnds.update(repeating: 0, count: bucketCount)
        let mask = bucketCount - 1
        for position in 0..<count { bucketEnds[Int(ids[first + position]) & mask] += 1 }
        var start = 0
        for bucket in 0..<bucketCount {
            let size = bucketEnds[bucket]
            bucketEnds[bucket] = start
            start += size
        }
        for position in 0..<count {
            let bucket = Int(ids[first + position]) & mask
            bucketed[bucketEnds[bucket]] = Int32(position)
            bucketEnds[bucket] += 1
        }
    }

    /// Groups bucket `index` by row (a stable counting sort over its rows). Buckets share no
    /// row, so different buckets may be grouped at the same time.
    func group(_ index: Int, ids: Memory<Int32>, first: Int) -> Bucket {
        let lower = index == 0 ? 0 : bucketEnds[index - 1]
        let upper = bucketEnds[index]
        var count = 0
        for position in lower..<upper {
            // The marks are scattered over megabytes; the rows a few positions on are known.
            if position + Self.prefetchDistance < upper {
                marks.prefetchForWrite(Int(ids[first + Int(bucketed[position + Self.prefetchDistance])]))
            }
            let row = Int(ids[first + Int(bucketed[position])])
            var mark = marks[row]
            if mark[0] != stamp {
                mark = SIMD2(stamp, Int32(count))
                marks[row] = mark
                groupRows[lower + count] = Int32(row)
                groupEnds[lower + count] = 0
                count += 1
            }
            slots[position] = mark[1]
            groupEnds[lower + Int(mark[1])] += 1
        }
        var start = Int32(lower)
        for slot in lower..<lower + count {
            let size = groupEnds[slot]
            groupEnds[slot] = start
            start += size
        }
        for position in lower..<upper {
            let slot = lower + Int(slots[position])
            grouped[Int(groupEnds[slot])] = bucketed[position]
            groupEnds[slot] += 1
        }
        return Bucket(groups: self, lower: lower, count: count)
    }
}
