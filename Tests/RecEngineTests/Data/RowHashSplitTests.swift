import Testing

@testable import RecEngine

/// The row-hash split is a published rule that Spark computes too, so it is checked against
/// values computed outside recbook: Python's `hashlib.sha256`
/// (`int(hashlib.sha256(b"adamwzw,20645098,42").hexdigest()[:8], 16)`).
@Suite struct RowHashSplitTests {
    @Test func hashesAreTheFirstFourBytesOfSHA256OfTheRowsKey() {
        #expect(RowHashSplit.hash(user: "adamwzw", movie: "20645098", seed: 42) == 829_234_044)
        #expect(RowHashSplit.hash(user: "1", movie: "31", seed: 7) == 1_844_364_940)
        #expect(RowHashSplit.threshold(testFraction: 0.2) == 858_993_459)
    }

    @Test func aRowIsATestRowExactlyWhenItsHashIsBelowTheThreshold() {
        var users = IdMap()
        var movies = IdMap()
        var table = RatingsTable(users: [], movies: [], ratings: [], userIds: users, movieIds: movies)
        for user in 0..<200 {
            for movie in 0..<50 {
                table.users.append(users.insert("u\(user)"))
                table.movies.append(movies.insert("\(1000 + movie)"))
                table.ratings.append(Float((user + movie) % 5 + 1))
            }
        }
        // A repeated (user, movie) row, which must fall on the same side as the first.
        table.users.append(table.users[7])
        table.movies.append(table.movies[7])
        table.ratings.append(1)
        table.userIds = users
        table.movieIds = movies

        let split = RowHashSplit.split(table, testFraction: 0.2, seed: 99)
        let limit = RowHashSplit.threshold(testFraction: 0.2)
        #expect(split.train.count + split.test.count == table.count)
        #expect(split.test == split.test.sorted() && split.train == split.train.sorted(), "file order")
        for row in split.test.prefix(50) + split.train.prefix(50) {
            let hash = RowHashSplit.hash(
                user: users.rawId(at: Int(table.users[row])), movie: movies.rawId(at: Int(table.movies[row])), seed: 99)
            #expect((UInt64(hash) < limit) == split.test.contains(row))
        }
        #expect(split.test.contains(7) == split.test.contains(table.count - 1))
        #expect(abs(Double(split.test.count) / Double(table.count) - 0.2) < 0.02)
        #expect(RowHashSplit.split(table, testFraction: 0.2, seed: 100).test != split.test, "the seed matters")
    }
}
