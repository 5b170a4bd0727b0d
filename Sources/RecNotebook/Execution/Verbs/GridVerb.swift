import RecEngine

/// `grid`: tries every combination of the listed settings on the training rows, scored on a
/// validation tail (Keras' `validation_split`) or by k-fold cross-validation.
enum GridVerb {
    static let verb = Verb(
        name: "grid",
        summary:
            "Grid search: trains every combination of comma-separated settings and scores each on validation rows or k folds; "
            + "with seed=1,2,3 each once per seed, ranked by the mean.",
        usage: "grid model=svd|rsvd|neural|sgd-svd|baseline|movie-mean|als|item-knn [SETTING=V1,V2,... ...] "
            + "[seed=N1,N2,...] [holdout=0.2 | cv=5] [by=mae|rmse]",
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
        let seeds = try ModelOptions.seeds(invocation)
        // Every candidate is a full fit, so the scores go through the runner's cache.
        let key = "\(candidates) \(scoring) \(criterion)" + (seeds.isEmpty ? "" : " seeds \(seeds)")
        let search = try session.cached("grid", invocation, key: key) { () throws(NotebookError) -> GridSearch in
            do throws(TrainingError) {
                return try GridSearch.run(
                    candidates, on: split.train, scoring: scoring, criterion: criterion, seeds: seeds,
                    threads: session.context.threads)
            } catch {
                throw ModelOptions.failure(error, invocation)
            }
        }
        let how: String
        switch scoring {
        case .validation(let fraction): how = "last \(Int((fraction * 100).rounded()))% of the training rows held out"
        case .crossValidation(let folds, _): how = "\(folds)-fold cross-validation on the training rows"
        }
        let best = search.rows[search.best]
        let table =
            seeds.count > 1
            ? seededTable(search, seeds: seeds, how: how)
            : ResultTable(
                title: "Grid search over \(search.rows.count) settings of \(best.config.family) (\(how)"
                    + (seeds.first.map { "; seed=\($0)" } ?? "") + ")",
                columns: [
                    .integer("#"), .text("settings"), .decimal("validation MAE", precision: 4),
                    .decimal("validation RMSE", precision: 4),
                ] + marker(search),
                // No per-candidate time: it varies between runs and `check` compares every value.
                rows: search.rows.enumerated().map { index, row in
                    [.integer(index + 1), .text(row.config.summary), .number(row.mae), .number(row.rmse)]
                        + marker(search, index)
                })
        let error = criterion.rawValue.uppercased()
        let verdict: String
        // A "best" among fits that all failed to learn would mislead.
        if !search.anyLearned {
            verdict =
                "Warning: no best: none of these fits learned (each ended with a train MAE no better than predicting "
                + "the mean rating for every training row). Train one with `train` to see its epochs and what to change."
        } else if seeds.count > 1 {
            verdict = "Best by mean \(error) over the \(seeds.count) seeds: \(best.config.summary)."
        } else {
            verdict = "Best by \(error): \(best.config.summary)."
        }
        let scores = search.rows.map { criterion == .mae ? $0.mae : $0.rmse }
        let chart = BarChart(
            title: (seeds.count > 1 ? "Mean validation \(error) over \(seeds.count) seeds" : "Validation \(error)")
                + " by setting (lower is better)",
            labels: chartLabels(search.rows.map(\.config.summary)), values: scores, precision: 4)
        return [.table(table), .note(verdict), .barChart(chart)]
    }

    /// The marker column, there only when it marks something: when some fit learned.
    private static func marker(_ search: GridSearch) -> [TableColumn] {
        search.anyLearned ? [.text("")] : []
    }

    private static func marker(_ search: GridSearch, _ index: Int) -> [TableValue] {
        search.anyLearned ? [.text(index == search.best ? "best" : "")] : []
    }

    /// One row per setting with the mean errors over the seeds and the spread of the error
    /// that picks the best (the population standard deviation, lowest and highest).
    private static func seededTable(_ search: GridSearch, seeds: [UInt64], how: String) -> ResultTable {
        let error = search.criterion.rawValue.uppercased()
        return ResultTable(
            title: "Grid search over \(search.rows.count) settings of \(search.rows[search.best].config.family), "
                + "each fitted with seeds \(seeds.map(String.init).joined(separator: ", ")) (\(how))",
            columns: [
                .integer("#"), .text("settings"), .decimal("mean validation MAE", precision: 4),
                .decimal("mean validation RMSE", precision: 4), .decimal("\(error) sd", precision: 4),
                .decimal("\(error) min", precision: 4), .decimal("\(error) max", precision: 4),
            ] + marker(search),
            rows: search.rows.enumerated().map { index, row in
                let spread = row.spread(search.criterion)
                return [
                    .integer(index + 1), .text(row.config.summary), .number(row.mae), .number(row.rmse),
                    spread.map { .number($0.standardDeviation) } ?? .missing, spread.map { .number($0.lowest) } ?? .missing,
                    spread.map { .number($0.highest) } ?? .missing,
                ] + marker(search, index)
            })
    }

    /// Each setting's bar label: its number in the table and the parts of its settings that
    /// differ between the settings (`#2 k=10`), so the bars stay short and match the rows.
    static func chartLabels(_ summaries: [String]) -> [String] {
        let parts = summaries.map { $0.components(separatedBy: ", ") }
        guard summaries.count > 1, Set(parts.map(\.count)).count == 1 else {
            return summaries.enumerated().map { "#\($0 + 1) \($1)" }
        }
        let varying = parts[0].indices.filter { position in Set(parts.map { $0[position] }).count > 1 }
        return parts.enumerated().map { index, part in
            (["#\(index + 1)"] + [varying.map { part[$0] }.joined(separator: ", ")].filter { !$0.isEmpty })
                .joined(separator: " ")
        }
    }
}
