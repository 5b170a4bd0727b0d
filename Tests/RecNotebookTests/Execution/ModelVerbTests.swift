import Testing

@testable import RecNotebook

/// The model directives end to end on the small synthetic preset.
@Suite struct ModelVerbTests {
    private func session() throws -> Session {
        let session = Session(context: RunContext(dataFolder: "/nonexistent-recbook-data", notebookFile: "t.md"))
        try DirectiveRun.run("load ratings=r.csv movies=m.csv synth=small\nsplit test=0.2", in: session)
        return session
    }

    @Test func trainEvaluateAndCompare() throws {
        let session = try session()
        try DirectiveRun.run(
            """
            train a model=rsvd k=4 epochs=3 batch=500 optimizer=lazy-adam validation=0.1
            train b model=baseline
            evaluate a
            evaluate b
            """, in: session)
        #expect(session.scores.map(\.model) == ["a", "b"])
        let results = try DirectiveRun.run("compare by=RMSE\nloss a\npredictions a n=3\nrecommend a user=5 n=10", in: session)
        guard case .table(let comparison) = results[0] else {
            Issue.record("compare gives a table")
            return
        }
        #expect(comparison.rows.count == 2)
        guard case .lineChart(let chart) = results[1] else {
            Issue.record("loss gives a line chart")
            return
        }
        #expect(chart.series.map(\.name) == ["train MAE", "validation MAE"])
        #expect(chart.series[0].values.count == 3)
        guard case .table(let predictions) = results[2] else {
            Issue.record("predictions gives a table")
            return
        }
        #expect(predictions.rows.count == 3)
        let ranked = try DirectiveRun.run("evaluate a ranking=5", in: session)
        guard case .metrics(let list) = ranked[0] else {
            Issue.record("evaluate gives metrics")
            return
        }
        #expect(list.metrics.map(\.name).contains("NDCG@5"))
    }

    @Test func gridListsEveryCombinationAndTheWinner() throws {
        let session = try session()
        let results = try DirectiveRun.run(
            "grid model=rsvd k=2,4 reg=0.01,0.001 epochs=10 batch=100 lr=0.01 optimizer=lazy-adam", in: session)
        guard case .table(let table) = results[0] else {
            Issue.record("grid gives a table")
            return
        }
        #expect(table.rows.count == 4)
        #expect(table.rows.filter { $0.last == .text("best") }.count == 1)
    }

    @Test func unknownModelNamesTheLineAndSuggests() throws {
        let session = try session()
        try DirectiveRun.run("train svd1 model=svd k=3 epochs=1", in: session)
        #expect {
            try DirectiveRun.run("evaluate svd2", in: session, line: 12)
        } throws: { error in
            "\(error)".hasPrefix("t.md:12:") && "\(error)".contains("svd1")
        }
    }

    @Test func divergingTrainingIsAReportedErrorWithAHint() throws {
        let session = try session()
        #expect {
            try DirectiveRun.run("train x model=rsvd k=3 epochs=2 lr=1e20", in: session, line: 7)
        } throws: { error in
            "\(error)".hasPrefix("t.md:7:") && "\(error)".contains("smaller learning rate")
        }
        #expect(session.models["x"] == nil)
    }

    @Test func badSettingsAreErrorsNotCrashes() throws {
        let session = try session()
        #expect(throws: NotebookError.self) { try DirectiveRun.run("train x model=svd k=0", in: session) }
        #expect(throws: NotebookError.self) { try DirectiveRun.run("train x model=svd k=5,10", in: session) }
        #expect(throws: NotebookError.self) { try DirectiveRun.run("train x model=svm", in: session) }
        #expect(throws: NotebookError.self) { try DirectiveRun.run("crossvalidate x model=baseline", in: session) }
    }

    /// Item CF as a model family: cross-validated like the others, and on fold 1 the same
    /// errors and ranking figures as `item-evaluate` computes its own way on that fold.
    @Test func itemKNNCrossValidatesAndAgreesWithItemEvaluateOnFoldOne() throws {
        let session = try session()
        try DirectiveRun.run("split folds=3", in: session)
        let folds = try DirectiveRun.run("crossvalidate knn model=item-knn neighbours=20 min-periods=3 ranking=5", in: session)
        guard case .table(let table) = folds[0], case .decimal(let foldOneRMSE) = table.rows[0][1],
            case .decimal(let foldOnePrecision) = table.rows[0][4]
        else {
            Issue.record("crossvalidate gives a table of folds with ranking columns")
            return
        }
        #expect(table.rows.count == 4, "three folds and the mean")
        #expect(table.columns.map(\.name).suffix(5) == ["precision@5", "recall@5", "NDCG@5", "MAP@5", "coverage"])
        let crossValidated = try #require(session.scores.last)
        #expect(crossValidated.metrics.map(\.name).contains("NDCG@5"), "compare sees the mean ranking figures")

        try DirectiveRun.run("item-evaluate neighbours=20 min-periods=3 k=5", in: session)
        let itemCF = try #require(session.scores.last)
        let evaluated = try #require(itemCF.metrics.first { $0.name == "RMSE" }?.value)
        let precision = try #require(itemCF.metrics.first { $0.name == "precision@5" }?.value)
        #expect(abs(evaluated - foldOneRMSE) < 1e-9, "item-evaluate \(evaluated), crossvalidate fold 1 \(foldOneRMSE)")
        #expect(abs(precision - foldOnePrecision) < 1e-9, "item-evaluate \(precision), fold 1 \(foldOnePrecision)")
        #expect(throws: NotebookError.self) { try DirectiveRun.run("crossvalidate bad model=item-knn neighbours=0", in: session) }
        #expect(throws: NotebookError.self) { try DirectiveRun.run("crossvalidate bad model=baseline ranking=0", in: session) }
        // As for `evaluate`: relevant= alone would be a setting silently ignored.
        #expect(
            DirectiveRun.failure("crossvalidate bad model=baseline relevant=3", in: session).hasSuffix(
                "relevant= says which held-out ratings count for ranking=K: give ranking=K too"))
    }
}
