import Foundation
import Testing

@testable import RecEngine

@Suite struct ExplorationTests {
    private let table = try! RatingsReader.parse(
        Data("a,m1,4\nb,m1,-1\nc,m2,5\na,m2,3\nb,m3,2\nc,m3,2\n".utf8), source: "t", format: .douban
    ).table

    @Test func summaryCountsAndMean() {
        let summary = table.summary()
        #expect(summary.rows == 6 && summary.users == 3 && summary.movies == 3)
        #expect(summary.minimum == -1 && summary.maximum == 5)
        #expect(summary.mean == 15.0 / 6.0)
        #expect(table.ratingHistogram().map(\.rating) == [-1, 2, 3, 4, 5])
        #expect(table.ratingHistogram().map(\.count) == [1, 2, 1, 1, 1])
    }

    @Test func replaceThenRankByMeanWithTiesByIndex() {
        let (cleaned, replaced) = table.replacingRatings(-1, with: 1)
        #expect(replaced == 1)
        let means = MovieMeans(cleaned)
        // m1: (4 + 1) / 2 = 2.5, m2: 4, m3: 2.
        #expect(means.means == [2.5, 4, 2])
        #expect(means.ranking() == [1, 0, 2])
        let tied = MovieMeans(try! RatingsReader.parse(Data("a,x,3\na,y,3\n".utf8), source: "t", format: .douban).table)
        #expect(tied.ranking() == [0, 1])
    }

    @Test func splitMixIsReproducible() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in first.next() } == (0..<5).map { _ in second.next() })
        #expect(SplitMix64.derived(42, 1) != SplitMix64.derived(42, 2))
    }
}
