import Foundation
import Testing

@testable import RecEngine

@Suite struct ItemCorrelationTests {
    private func correlate(_ table: RatingsTable, _ minPeriods: Int) throws -> ItemCorrelation {
        try ItemCorrelation(RatingMatrix(table), config: .init(minPeriods: minPeriods))
    }

    @Test func handCheckedMatrixWithTheNaNCases() throws {
        let r = try correlate(ItemCFTestData.fourByFour, 3)
        // A-B over u0..u2 only: A = 1 2 3, B = 1 3 2; deviations (-1 0 1), (-1 1 0):
        // covariance 1, sums of squares 2 and 2, so r = 1 / 2.
        #expect(r[0, 1] == 0.5 && r[1, 0] == 0.5)
        #expect(r.common(0, 1) == 3)
        // C is constant (zero variance): NaN with everyone, itself included.
        for movie in 0..<4 { #expect(r[2, movie].isNaN && r[movie, 2].isNaN) }
        #expect(r.common(0, 2) == 4)
        // D has 2 raters < 3: NaN everywhere, its own diagonal too (pandas does the same).
        for movie in 0..<4 { #expect(r[3, movie].isNaN) }
        #expect(r.common(3, 3) == 2 && r.common(0, 3) == 2)
        // Enough raters who disagree: exactly 1 on the diagonal.
        #expect(r[0, 0] == 1 && r[1, 1] == 1)
        #expect(r.definedPairs == 1)
    }

    @Test func minPeriodsTwoDefinesThePairsWithTwoCommonRaters() throws {
        let r = try correlate(ItemCFTestData.fourByFour, 2)
        // A-D over u1, u2: A = 2 3, D = 5 1, so r = -1; B-D: B = 3 2, D = 5 1, so r = 1.
        #expect(r[0, 3] == -1 && r[1, 3] == 1 && r[3, 3] == 1)
        #expect(r[2, 3].isNaN)
    }

    @Test func invalidMinPeriodsIsAnError() {
        #expect(throws: ConfigError(setting: "min-periods", allowed: "at least 1", given: "0")) {
            try correlate(ItemCFTestData.fourByFour, 0)
        }
    }

    @Test func nearConstantNonIntegerColumnIsNaNNotNoise() throws {
        // Three users each rate movie 1 twice (3 and 4, 4 and 4 ... averaged): movie 1 is
        // 11/3 for all (not a binary fraction), so its variance must come out as exactly zero.
        var rows: [(Int, Int, Float)] = []
        for user in 0..<5 {
            rows += [(user, 0, Float(user % 3 + 1)), (user, 1, 3), (user, 1, 4), (user, 1, 4)]
        }
        let r = try correlate(ItemCFTestData.table(rows, users: 5, movies: 2), 2)
        #expect(r[1, 1].isNaN && r[0, 1].isNaN)
        #expect(r[0, 0] == 1)
    }

    @Test func fastPathMatchesWelfordReferenceAndIsRepeatable() throws {
        // 300 users, 12 movies, ratings on a half-point grid plus averaged duplicates.
        var generator = SplitMix64(seed: 7)
        var rows: [(Int, Int, Float)] = []
        for user in 0..<300 {
            for movie in 0..<12 where generator.nextUnit() < 0.5 {
                let rating = Float(1 + Int(generator.next() % 9)) / 2
                rows.append((user, movie, rating))
                if generator.nextUnit() < 0.1 { rows.append((user, movie, Float(1 + Int(generator.next() % 5)))) }
            }
        }
        let table = ItemCFTestData.table(rows, users: 300, movies: 12)
        let matrix = RatingMatrix(table)
        let first = try ItemCorrelation(matrix, config: .init(minPeriods: 30))
        let second = try ItemCorrelation(matrix, config: .init(minPeriods: 30))
        #expect(first.values.map(\.bitPattern) == second.values.map(\.bitPattern))
        var compared = 0
        for a in 0..<12 {
            for b in 0..<12 {
                let reference = ItemCorrelation.welford(matrix, a, b)
                if first.common(a, b) < 30 {
                    #expect(first[a, b].isNaN)
                } else {
                    #expect(abs(first[a, b] - reference) < 1e-12, "movies \(a), \(b)")
                    compared += 1
                }
                #expect(first[a, b].bitPattern == first[b, a].bitPattern)
            }
        }
        #expect(compared > 100)
    }
}
