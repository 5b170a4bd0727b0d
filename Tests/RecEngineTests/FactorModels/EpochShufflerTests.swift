import Testing

@testable import RecEngine

@Suite struct EpochShufflerTests {
    /// The training rows as (user, movie, rating) triples, for comparing orders as multisets.
    private func triples(_ columns: EpochColumns, _ range: Range<Int>) -> [String] {
        range.map { "\(columns.users[$0]) \(columns.movies[$0]) \(columns.ratings[$0])" }
    }

    @Test(arguments: [1, 2])
    func groupedBatchesAreARandomSplitWithEachUserSideBySide(threads: Int) {
        let table = ModelFixtures.known(users: 60, movies: 40)
        let count = table.count - 50  // the tail stays out, as a validation split would
        let batchSize = 37
        let shuffler = EpochShuffler(
            table, count: count, order: .groupedByUser(batchSize: batchSize), seed: 3, threads: threads)
        let rows = (0..<count).map { "\(table.users[$0]) \(table.movies[$0]) \(table.ratings[$0])" }.sorted()
        var batchesOfEpoch: [[[String]]] = []
        for epoch in 1...3 {
            shuffler.prepare(epoch: epoch, lastEpoch: 3)
            let columns = shuffler.columns
            #expect(triples(columns, 0..<count).sorted() == rows, "epoch \(epoch) must hold every training row once")
            var batches: [[String]] = []
            for lower in stride(from: 0, to: count, by: batchSize) {
                let batch = lower..<min(count, lower + batchSize)
                #expect(LazyAdamStep.isGroupedByUser(batch, users: columns.users))
                let users = batch.map { columns.users[$0] }
                #expect(users == users.sorted(), "users ascend within a batch")
                batches.append(triples(columns, batch).sorted())
            }
            batchesOfEpoch.append(batches)
        }
        #expect(batchesOfEpoch[0] != batchesOfEpoch[1] && batchesOfEpoch[1] != batchesOfEpoch[2])
        let other = EpochShuffler(table, count: count, order: .groupedByUser(batchSize: batchSize), seed: 4, threads: 1)
        other.prepare(epoch: 1, lastEpoch: 1)
        #expect(triples(other.columns, 0..<count) != triples(shuffler.columns, 0..<count), "another seed, another split")
    }

    @Test func theSameSeedGivesTheSameOrderOnAnyThreadCount() {
        let table = ModelFixtures.known(users: 60, movies: 40)
        func orders(threads: Int) -> [[String]] {
            let shuffler = EpochShuffler(
                table, count: table.count, order: .groupedByUser(batchSize: 100), seed: 9, threads: threads)
            return (1...3).map { epoch in
                shuffler.prepare(epoch: epoch, lastEpoch: 3)
                return triples(shuffler.columns, 0..<table.count)
            }
        }
        #expect(orders(threads: 1) == orders(threads: 2))
    }

    @Test func chunkBoundsNeverSplitAUser() {
        let users: [Int32] = [0, 0, 0, 0, 0, 1, 2, 2, 3, 4, 4, 4, 4, 4, 4, 4, 5, 6]
        Memory.reading(users) { memory in
            for lower in [0, 3] {
                let rows = lower..<users.count
                let bounds = LazyAdamStep.chunkBounds(rows, users: memory, chunks: 16)
                #expect(bounds.count == 17 && bounds.first == rows.lowerBound && bounds.last == rows.upperBound)
                #expect(bounds == bounds.sorted())
                for bound in bounds where bound > rows.lowerBound && bound < rows.upperBound {
                    #expect(users[bound] != users[bound - 1], "a chunk starts inside user \(users[bound]) at \(bound)")
                }
            }
        }
    }

    @Test func lemireDrawsStayBelowTheBoundAndCoverIt() {
        var generator = SplitMix64(seed: 1)
        var seen = [Int](repeating: 0, count: 7)
        for _ in 0..<7_000 {
            let draw = generator.next(below: 7)
            #expect(draw < 7)
            seen[Int(draw)] += 1
        }
        // 1,000 expected each; a fair die stays within 15% at this count (over 4 sigma).
        #expect(seen.allSatisfy { abs($0 - 1_000) < 150 }, "\(seen)")
        #expect(generator.next(below: 1) == 0)
    }
}
