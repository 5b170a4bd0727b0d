import Foundation
import Testing

@testable import RecEngine

@Suite struct SyntheticDoubanTests {
    @Test func smallPresetHasExactlyItsShape() throws {
        let files = try SyntheticDouban.generate(.small)
        let table = try RatingsReader.parse(files.ratingsCSV, source: "synth", format: .douban).table
        let movies = try MoviesReader.parse(files.moviesCSV, source: "synth", format: .douban).catalog
        #expect(table.count == SynthConfig.small.ratings)
        #expect(table.userCount == SynthConfig.small.users)
        #expect(table.movieCount == SynthConfig.small.ratedMovies)
        #expect(movies.count == SynthConfig.small.listedMovies)
        // Like the real list, the second listed movie has no ratings, and the file follows the list.
        #expect(table.movieIds.index(of: movies.movies[1].rawId) == nil)
        #expect(table.movieIds.rawId(at: 0) == movies.movies[0].rawId)
        #expect(Set(table.ratings) == [-1, 1, 2, 3, 4, 5])
        #expect(movies.movies.contains { $0.title.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } })
    }

    @Test func doubanPresetHasTheArticlesCounts() throws {
        let files = try SyntheticDouban.generate(.douban)
        let summary = try RatingsReader.parse(files.ratingsCSV, source: "synth", format: .douban).table.summary()
        let movies = try MoviesReader.parse(files.moviesCSV, source: "synth", format: .douban).catalog
        #expect(summary.rows == 1_007_397)
        #expect(summary.users == 223_239)
        #expect(summary.movies == 165)
        #expect(movies.count == 166)
        #expect(summary.minimum == -1 && summary.maximum == 5)
    }

    @Test func noUserRatesAMovieTwice() throws {
        let table = try RatingsReader.parse(SyntheticDouban.generate(.small).ratingsCSV, source: "s", format: .douban).table
        let pairs = Set(zip(table.users, table.movies).map { Int($0) << 32 | Int($1) })
        #expect(pairs.count == table.count)
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let first = try SyntheticDouban.generate(.small)
        let again = try SyntheticDouban.generate(.small)
        var other = SynthConfig.small
        other.seed = 7
        #expect(first.ratingsCSV == again.ratingsCSV && first.moviesCSV == again.moviesCSV)
        #expect(try SyntheticDouban.generate(other).ratingsCSV != first.ratingsCSV)
    }

    @Test func ratingSharesFollowTheRealData() throws {
        let table = try RatingsReader.parse(SyntheticDouban.generate(.small).ratingsCSV, source: "s", format: .douban).table
        let share = Double(table.ratings.filter { $0 == 4 }.count) / Double(table.count)
        let realShare = SynthConfig.ratingCounts[4] / SynthConfig.ratingCounts.reduce(0, +)
        #expect(abs(share - realShare) < 0.03, "share of 4s: \(share), real: \(realShare)")
    }

    @Test func impossibleSizesAreRejected() {
        #expect(throws: DataError.self) {
            try SyntheticDouban.generate(SynthConfig(users: 10, listedMovies: 3, ratedMovies: 2, ratings: 25))
        }
        #expect(throws: DataError.self) {
            try SyntheticDouban.generate(SynthConfig(users: 10, listedMovies: 3, ratedMovies: 2, ratings: 5))
        }
    }

    @Test func doubanShapedScalesUsersWithRatings() {
        let config = SynthConfig.doubanShaped(ratings: 10_073_970)
        #expect(config.users == 2_232_390)
        #expect(config.ratedMovies == 165)
    }
}
