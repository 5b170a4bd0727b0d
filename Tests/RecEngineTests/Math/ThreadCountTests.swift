import Foundation
import Testing

@testable import RecEngine

/// Every parallel entry point gives the same bits on one thread or several: work is cut into
/// chunks fixed independently of the thread count and combined in chunk order.
@Suite struct ThreadCountTests {
    static let threadCounts = [1, 2, 3]

    /// Douban-shaped synthetic ratings, over the size at which the reader parses two halves.
    static let files = try! SyntheticDouban.generate(.doubanShaped(ratings: 80_000), threads: 2)
    static let table = try! RatingsReader.parse(files.ratingsCSV, source: "synth", format: .douban, threads: 2).table

    @Test func everyChunkAndTaskRunsOnceOnAnyThreadCount() {
        for threads in [1, 2, 3, 8] {
            for count in [0, 1, 5, 64] {
                let chunks = Counter(count)
                forEachChunk(count, threads: threads) { chunks.add($0) }
                let tasks = Counter(count)
                forEachTask(count, threads: threads) { tasks.add($0) }
                #expect(chunks.runs == Array(repeating: 1, count: count), "forEachChunk, \(threads) threads")
                #expect(tasks.runs == Array(repeating: 1, count: count), "forEachTask, \(threads) threads")
            }
        }
    }

    @Test func syntheticDataIsTheSameBytes() throws {
        let config = SynthConfig.doubanShaped(ratings: 20_000)
        let runs = try Self.threadCounts.map { try SyntheticDouban.generate(config, threads: $0) }
        for run in runs.dropFirst() {
            #expect(run.ratingsCSV == runs[0].ratingsCSV)
            #expect(run.moviesCSV == runs[0].moviesCSV)
        }
    }

    @Test func readerGivesTheSameTable() throws {
        let data = Self.files.ratingsCSV
        #expect(data.count >= RatingsReader.parallelThreshold, "the input must be large enough to be read in two halves")
        let tables = try Self.threadCounts.map { try RatingsReader.parse(data, source: "s", format: .douban, threads: $0).table }
        for table in tables.dropFirst() {
            #expect(table.users == tables[0].users && table.movies == tables[0].movies && table.ratings == tables[0].ratings)
            #expect(table.userIds == tables[0].userIds && table.movieIds == tables[0].movieIds)
        }
    }

    @Test func correlationIsTheSameBits() throws {
        let matrix = RatingMatrix(Self.table)
        let runs = try Self.threadCounts.map {
            try ItemCorrelation(matrix, config: ItemCorrelation.Config(minPeriods: 5), threads: $0)
        }
        #expect(runs[0].definedPairs > 0)
        for run in runs.dropFirst() {
            #expect(run.values.map(\.bitPattern) == runs[0].values.map(\.bitPattern))
            #expect(run.commonRaters == runs[0].commonRaters)
        }
    }

    @Test func alsIsTheSameBits() throws {
        let config = ALSConfig(rank: 4, iterations: 2, regularization: 0.1, seed: 9)
        let runs = try Self.threadCounts.map { try ALS.fit(Self.table, config: config, threads: $0) }
        for run in runs.dropFirst() {
            #expect(run.userFactors.map(\.bitPattern) == runs[0].userFactors.map(\.bitPattern))
            #expect(run.movieFactors.map(\.bitPattern) == runs[0].movieFactors.map(\.bitPattern))
        }
    }

    @Test func heldOutErrorsAndRankingAreTheSameBits() throws {
        let split = RatingSplit.holdout(rows: Self.table.count, testFraction: 0.2, seed: 3)
        let train = Self.table.subset(split.train)
        let test = Self.table.subset(split.test)
        let model = try ItemKNN.fit(train, config: ItemKNN.Config(neighbours: 10, minPeriods: 5), threads: 2)
        let predictor = HeldOutEvaluation.predictor(model, train: train)
        let ranking = try RankingEvaluation(train: train, test: test, config: RankingEvaluation.Config(cutoff: 5))
        let errors = Self.threadCounts.map { HeldOutErrors(predictor, test: test, threads: $0) }
        let rankings = Self.threadCounts.map { ranking.evaluate(predictor, threads: $0) }
        #expect(errors[0].estimated > 0 && rankings[0].users > 0)
        for (error, rank) in zip(errors, rankings).dropFirst() {
            #expect(error.metrics.mae.bitPattern == errors[0].metrics.mae.bitPattern)
            #expect(error.metrics.rmse.bitPattern == errors[0].metrics.rmse.bitPattern)
            #expect(error.estimated == errors[0].estimated)
            #expect(rank == rankings[0])
        }
    }
}

/// How often each index ran, safe to add to from several threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int]

    init(_ count: Int) { counts = Array(repeating: 0, count: count) }

    func add(_ index: Int) {
        lock.lock()
        counts[index] += 1
        lock.unlock()
    }

    var runs: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }
}
