import Crypto

/// A holdout split that any engine can compute from each row alone, with nothing shipped
/// between them: a row is a test row when the SHA-256 of its ids and the seed falls in the
/// first `testFraction` of the hash range.
///
///     key  = "USER,MOVIE,SEED"          (the ids as the file writes them, the seed in decimal)
///     h    = the first 4 bytes of SHA-256(key), as a big-endian integer in 0 ..< 2^32
///     test = h < floor(testFraction * 2^32)
///
/// Spark computes the same rule in SQL (`RecSpark`'s driver):
///
///     conv(substring(sha2(concat_ws(',', user, movie, 'SEED'), 256), 1, 8), 16, 10) < threshold
///
/// so recbook's embedded engine and Spark put exactly the same rows in the test set, and their
/// RMSEs can be compared on one split without either one seeing the other's rows. The test set
/// holds about `testFraction` of the rows (not exactly, as `holdout` does), and repeated
/// (user, movie) rows always fall on the same side.
public enum RowHashSplit {
    /// The threshold below which a row's hash makes it a test row.
    public static func threshold(testFraction: Double) -> UInt64 {
        precondition(testFraction > 0 && testFraction < 1, "the test fraction must be strictly between 0 and 1")
        return UInt64((testFraction * 4_294_967_296).rounded(.down))
    }

    /// The 32-bit hash of one row's key.
    public static func hash(user: String, movie: String, seed: UInt64) -> UInt32 {
        var key: [UInt8] = []
        return hash(Array(user.utf8), Array(movie.utf8), seedText: Array(String(seed).utf8), into: &key)
    }

    /// The rows of `table` in file order, divided by the rule above.
    public static func split(_ table: RatingsTable, testFraction: Double, seed: UInt64) -> RatingSplit {
        let limit = threshold(testFraction: testFraction)
        // The ids' bytes once per id, not once per row.
        let users = table.userIds.rawIds.map { Array($0.utf8) }
        let movies = table.movieIds.rawIds.map { Array($0.utf8) }
        let seedText = Array(String(seed).utf8)
        var key: [UInt8] = []
        var train: [Int] = []
        var test: [Int] = []
        for row in 0..<table.count {
            let value = hash(users[Int(table.users[row])], movies[Int(table.movies[row])], seedText: seedText, into: &key)
            if UInt64(value) < limit { test.append(row) } else { train.append(row) }
        }
        return RatingSplit(train: train, test: test)
    }

    private static func hash(_ user: [UInt8], _ movie: [UInt8], seedText: [UInt8], into key: inout [UInt8]) -> UInt32 {
        key.removeAll(keepingCapacity: true)
        key += user
        key.append(UInt8(ascii: ","))
        key += movie
        key.append(UInt8(ascii: ","))
        key += seedText
        var value: UInt32 = 0
        for byte in SHA256.hash(data: key).prefix(4) { value = value << 8 | UInt32(byte) }
        return value
    }
}
