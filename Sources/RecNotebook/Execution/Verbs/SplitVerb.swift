import RecEngine

/// `split`: divides the ratings into training and test rows from the master seed.
enum SplitVerb {
    static let verb = Verb(
        name: "split",
        summary: "Splits the ratings into train and test rows (shuffled holdout, or k folds), seeded from the master seed.",
        usage: "split [test=0.2] [rule=shuffle|hash] | split folds=K",
        example: "split test=0.2",
        keys: ["test", "folds", "rule"],
        run: run)

    /// Stream number for the split's seed, so other random steps never share it.
    static let seedStream: UInt64 = 0x5_0117

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        try invocation.noSubjects()
        let seed = SplitMix64.derived(session.seed, seedStream)
        if session.sparkData != nil { return try SparkDataVerbs.split(invocation, session, seed: seed) }
        let dataset = try session.requireDataset(invocation)
        let rows = dataset.ratings.count
        let state: SplitState
        if invocation.string("folds") != nil {
            guard invocation.string("test") == nil else {
                throw invocation.fail("give test= for a holdout split or folds= for k-fold, not both")
            }
            let folds = try invocation.int("folds", default: 5, range: 2...100)
            guard folds <= rows else {
                throw invocation.fail("folds=\(folds) needs at least \(folds) ratings; there are \(rows)")
            }
            let all = RatingSplit.kFold(rows: rows, folds: folds, seed: seed)
            state = SplitState(
                kind: "k-fold", split: all[0], folds: all, seed: seed,
                train: dataset.ratings.subset(all[0].train), test: dataset.ratings.subset(all[0].test))
        } else {
            let fraction = try invocation.double("test") ?? 0.2
            guard fraction > 0 && fraction < 1 else {
                throw invocation.fail("test must be between 0 and 1 (exclusive), not \(fraction)")
            }
            // `shuffle`: exactly ceil(F * rows) test rows in shuffled order; `hash`: each row by
            // the hash of its ids (about F of the rows, in file order), as Spark computes it.
            let rule = try invocation.choice("rule", from: ["shuffle", "hash"], default: "shuffle")
            let split =
                rule == "hash"
                ? RowHashSplit.split(dataset.ratings, testFraction: fraction, seed: seed)
                : RatingSplit.holdout(rows: rows, testFraction: fraction, seed: seed)
            guard !split.train.isEmpty && !split.test.isEmpty else {
                throw invocation.fail("test=\(fraction) leaves an empty train or test set for \(rows) ratings")
            }
            state = SplitState(
                kind: "holdout", split: split, folds: [split], seed: seed,
                train: dataset.ratings.subset(split.train), test: dataset.ratings.subset(split.test))
        }
        session.split = state
        session.scores = []
        return [
            summary(
                kind: state.kind, folds: state.folds.count, train: state.train.count, test: state.test.count,
                coldUsers: coldUserCount(state))
        ]
    }

    /// The split's sizes, as both engines show them.
    static func summary(kind: String, folds: Int, train: Int, test: Int, coldUsers: Int) -> CellResult {
        .metrics(
            MetricList(
                title: kind == "k-fold" ? "Split (\(folds) folds; fold 1 shown)" : "Split",
                metrics: [
                    .count("train ratings", train),
                    .count("test ratings", test),
                    .count("test users with no training rating", coldUsers),
                ]))
    }

    /// Distinct test users without a training rating, counted on flags per user index: a set of
    /// a million indices took longer than the split itself.
    private static func coldUserCount(_ state: SplitState) -> Int {
        var inTrain = [Bool](repeating: false, count: state.train.userCount)
        for user in state.train.users { inTrain[Int(user)] = true }
        var counted = inTrain
        var cold = 0
        for user in state.test.users where !counted[Int(user)] {
            counted[Int(user)] = true
            cold += 1
        }
        return cold
    }
}
