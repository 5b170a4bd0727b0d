import Testing

@testable import RecEngine

struct BatchGroupsTests {
    /// Every position of the batch lands in exactly one group, the group of its row; each row is
    /// one group in one bucket; a group's positions are in batch order (the order its gradient
    /// is summed in). Two steps in a row, so the marks of the first cannot leak into the second.
    @Test func eachRowIsOneGroupWithItsPositionsInBatchOrder() {
        let groups = BatchGroups(rows: 50, maxBatch: 300, bucketCount: 4)
        var generator = SplitMix64(seed: 3)
        for step in 0..<2 {
            let first = 7
            let ids = (0..<(first + 300)).map { _ in Int32(generator.next() % (step == 0 ? 50 : 9)) }
            Memory.reading(ids) { ids in
                groups.bucket(300, ids: ids, first: first)
                var seen: [Int: [Int]] = [:]
                for index in 0..<4 {
                    let bucket = groups.group(index, ids: ids, first: first)
                    for slot in 0..<bucket.count {
                        let row = bucket.row(slot)
                        #expect(row % 4 == index, "row \(row) in bucket \(index)")
                        #expect(seen[row] == nil, "row \(row) grouped twice")
                        let positions = bucket.positions(slot).map(Int.init)
                        #expect(!positions.isEmpty)
                        #expect(positions == positions.sorted())
                        #expect(positions.allSatisfy { Int(ids[first + $0]) == row })
                        seen[row] = positions
                    }
                }
                let expected = Dictionary(grouping: 0..<300, by: { Int(ids[first + $0]) })
                #expect(seen == expected)
            }
        }
    }
}
