import RecEngine

/// The session's split: the rows, and the train and test tables made from them.
struct SplitState {
    /// `holdout`, or `k-fold` (then `folds` holds every fold and `split` is the first).
    var kind: String
    var split: RatingSplit
    var folds: [RatingSplit]
    var seed: UInt64
    var train: RatingsTable
    var test: RatingsTable
}
