/// Rows of a ratings table divided into training and test rows, from a seed.
///
/// Rows are listed in shuffled order (as scikit-learn's `train_test_split` returns them), so
/// "the first ten test ratings" means the same ten rows every time for the same seed.
public struct RatingSplit: Sendable, Hashable {
    /// Row indices into the table the split was made from.
    public let train: [Int]
    public let test: [Int]

    public init(train: [Int], test: [Int]) {
        self.train = train
        self.test = test
    }

    /// A shuffled holdout split with `ceil(testFraction * rows)` test rows (scikit-learn's rule).
    public static func holdout(rows: Int, testFraction: Double, seed: UInt64) -> RatingSplit {
        precondition(testFraction > 0 && testFraction < 1, "the test fraction must be strictly between 0 and 1")
        let order = permutation(rows, seed: seed)
        let testCount = Int((testFraction * Double(rows)).rounded(.up))
        return RatingSplit(train: Array(order[testCount...]), test: Array(order[..<testCount]))
    }

    /// `folds` splits over one shuffled order; each row is in exactly one test fold. Like
    /// scikit-learn's `KFold`, the first `rows % folds` folds hold one row more.
    public static func kFold(rows: Int, folds: Int, seed: UInt64) -> [RatingSplit] {
        precondition(folds >= 2 && folds <= rows, "k-fold needs 2 <= folds <= rows")
        let order = permutation(rows, seed: seed)
        var splits: [RatingSplit] = []
        var start = 0
        for fold in 0..<folds {
            let size = rows / folds + (fold < rows % folds ? 1 : 0)
            let test = Array(order[start..<start + size])
            let train = Array(order[..<start] + order[(start + size)...])
            splits.append(RatingSplit(train: train, test: test))
            start += size
        }
        return splits
    }

    /// Fisher-Yates over `0..<count`.
    static func permutation(_ count: Int, seed: UInt64) -> [Int] {
        var generator = SplitMix64(seed: seed)
        var order = Array(0..<count)
        if count > 1 {
            for index in stride(from: count - 1, to: 0, by: -1) {
                let other = Int(generator.next() % UInt64(index + 1))
                order.swapAt(index, other)
            }
        }
        return order
    }
}

extension RatingsTable {
    /// The rows at `rows`, in that order, with the same id maps (so indices keep their meaning).
    public func subset(_ rows: [Int]) -> RatingsTable {
        RatingsTable(
            users: rows.map { users[$0] }, movies: rows.map { movies[$0] }, ratings: rows.map { ratings[$0] },
            userIds: userIds, movieIds: movieIds)
    }
}
