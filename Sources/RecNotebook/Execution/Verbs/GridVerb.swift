import RecEngine

/// `grid`: tries every combination of the listed settings on the training rows, scored on a
/// validation tail (Keras' `validation_split`) or by k-fold cross-validation.
enum GridVerb {
    static let verb = Verb(
        name: "grid",
        summary:
            "Grid search: trains every combination of comma-separated settings and scores each on validation rows or k folds.",
        usage: "grid model=svd|rsvd|neural|sgd-svd|baseline|movie-mean|als|item-knn [SETTING=V1,V2,... ...] "
            + "[holdout=0.2 | cv=5] [by=mae|rmse]",
        example: "grid model=svd k=5,10,15,20 epochs=20 batch=5000 holdout=0.2",
        keys: ModelOptions.keys + ["holdout", "cv", "by"],
        run: run)

    static let seedStream: UInt64 = 0x6_21D

    private static func run(_ invocation: Invocation, _ session: Session) throws(NotebookError) -> [CellResult] {
        try invocation.noSubjects()
        let split = try session.requireSplit(invocation)
        let criterionName = try invocation.choice("by", from: GridSearch.Criterion.allCases.map(\.rawValue), default: "mae")
        let criterion = GridSearch.Criterion(rawValue: criterionName) ?? .mae
        let scoring: GridSearch.Scoring
        if invocation.string("cv") != nil {
            guard invocation.string("holdout") == nil else { throw invocation.fail("give holdout= or cv=, not both") }
            let folds = try invocation.int("cv", default: 5, range: 2...20)
            scoring = .crossValidation(folds: folds, seed: SplitMix64.derived(session.seed, seedStream))
        } else {
            let fraction = try invocation.double("holdout") ?? 0.2
            guard fraction > 0 && fraction < 1 else {
                throw invocation.fail("holdout must be between 0 and 1 (exclusive), not \(fraction)")
            }
            scoring = .validation(fraction: fraction)
        }
        let candidates = try ModelOptions.candidates(
            invocation, rows: split.train.count, seed: SplitMix64.derived(session.seed, seedStream + 1), allowLists: true)
        // Every candidate is a full fit, so the scores go through the runner's cache.
        let search = try session.cached("grid", invocation, key: "\(candidates) \(scoring) \(criterion)") {
            () throws(NotebookError) -> GridSearch in
            do throws(TrainingError) {
                return try GridSearch.run(
                    candidates, on: split.train, scoring: scoring, criterion: criterion, threads: session.context.threads)
            } catch {
                throw ModelOptions.failure(error, invocation)
            }
        }
        // A "best" among fits that all failed to learn would mislead.
        let anyLearned = search.anyLearned
        // No per-candidate time: it varies between runs and `check` compares every value. The
        // marker column is there only when it marks something.
        let rows: [[TableValue]] = search.rows.enumerated().map { index, row in
            [.integer(index + 1), .text(row.config.summary), .number(row.mae), .number(row.rmse)]
                + (anyLearned ? [.text(index == search.best ? "best" : "")] : [])
        }
        let how: String
        switch scoring {
        case .validation(let fraction): how = "last \(Int((fraction * 100).rounded()))% of the training rows held out"
        case .crossValidation(let folds, _): how = "\(folds)-fold cross-validation on the training rows"
        }
        let best = search.rows[search.best]
        let verdict: String
        if anyLearned {
            verdict = "Best by \(criterion.rawValue.uppercased()): \(best.config.summary)."
        } else {
            verdict =
                "Warning: no best: none of these fits learned (each ended with a train MAE no better than predicting "
                + "the mean rating for every training row). Train one with `train` to see its epochs and what to change."
        }
        return [
            .table(
                ResultTable(
                    title: "Grid search over \(search.rows.count) settings of \(best.config.family) (\(how))",
                    columns: [
                        .integer("#"), .text("settings"), .decimal("validation MAE", precision: 4),
                        .decimal("validation RMSE", precision: 4),
                    ] + (anyLearned ? [.text("")] : []),
                    rows: rows)),
            .note(verdict),
        ]
    }
}
