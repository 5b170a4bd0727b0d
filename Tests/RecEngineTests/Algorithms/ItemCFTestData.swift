@testable import RecEngine

/// Small hand-made tables for the item-CF tests, with every expected number worked out by hand
/// in the test that uses it.
enum ItemCFTestData {
    /// A table from `(user, movie, rating)` rows over dense indices, ids "u0", "m0", ...
    static func table(_ rows: [(Int, Int, Float)], users: Int, movies: Int) -> RatingsTable {
        RatingsTable(
            users: rows.map { Int32($0.0) }, movies: rows.map { Int32($0.1) }, ratings: rows.map(\.2),
            userIds: IdMap(orderedRawIds: (0..<users).map { "u\($0)" }),
            movieIds: IdMap(orderedRawIds: (0..<movies).map { "m\($0)" }))
    }

    /// Movies A=0, B=1, C=2, D=3 rated by four users:
    ///
    ///     u0: A=1 B=1 C=3
    ///     u1: A=2 B=3 C=3 D=5
    ///     u2: A=3 B=2 C=3 D=1
    ///     u3: A=5     C=3
    ///
    /// A and B share u0-u2 (A's fourth rating must not enter their means); C is constant; D has
    /// two raters.
    static let fourByFour = table(
        [
            (0, 0, 1), (0, 1, 1), (0, 2, 3), (1, 0, 2), (1, 1, 3), (1, 2, 3), (1, 3, 5),
            (2, 0, 3), (2, 1, 2), (2, 2, 3), (2, 3, 1), (3, 0, 5), (3, 2, 3),
        ],
        users: 4, movies: 4)
}
