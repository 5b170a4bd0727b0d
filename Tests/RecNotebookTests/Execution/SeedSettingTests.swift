import RecEngine
import Testing

@testable import RecNotebook

/// `seed=` on one fit (`train`, `crossvalidate`) and a list of seeds in `grid`.
@Suite struct SeedSettingTests {
    private func session() throws -> Session {
        let session = Session(context: RunContext(dataFolder: "/nonexistent-recbook-data", notebookFile: "t.md"))
        try DirectiveRun.run("load ratings=r.csv movies=m.csv synth=small\nsplit test=0.2", in: session)
        return session
    }

    private func parameters(_ name: String, _ session: Session) throws -> [Float] {
        guard case .factor(let model) = try #require(session.models[name]).predictor.model else { return [] }
        return model.parameters
    }

    @Test func theSameSeedGivesTheSameFitAndAnotherSeedAnother() throws {
        let session = try session()
        let results = try DirectiveRun.run(
            """
            train a model=svd k=3 epochs=2 seed=7
            train b model=svd k=3 epochs=2 seed=7
            train c model=svd k=3 epochs=2 seed=8
            train d model=svd k=3 epochs=2
            """, in: session)
        #expect(try parameters("a", session) == parameters("b", session))
        #expect(try parameters("a", session) != parameters("c", session))
        // Without seed=, the master seed's draw (per model name), as before.
        #expect(try parameters("a", session) != parameters("d", session))
        guard case .metrics(let trained) = results[0] else {
            Issue.record("train gives metrics")
            return
        }
        #expect(trained.title.hasSuffix(", seed=7"))
        #expect(session.models["a"]?.settings.hasSuffix(", seed=7") == true)
        #expect(session.models["d"]?.settings.contains("seed") == false)
    }

    @Test func theSeedOverridesTheMasterSeedForThatFitOnly() throws {
        let session = try session()
        try DirectiveRun.run("train a model=als rank=3 iterations=2 seed=5", in: session)
        try DirectiveRun.run("seed 99\ntrain b model=als rank=3 iterations=2 seed=5", in: session)
        guard case .als(let a) = try #require(session.models["a"]).predictor.model,
            case .als(let b) = try #require(session.models["b"]).predictor.model
        else {
            Issue.record("als models")
            return
        }
        #expect(a.userFactors == b.userFactors)
    }

    @Test func deterministicFamiliesRefuseASeedNamingTheirSettings() throws {
        let session = try session()
        #expect(
            DirectiveRun.failure("train b model=baseline seed=3", in: session)
                == "t.md:9: `baseline` has no setting `seed`; its settings: epochs=10, reg-u=15, reg-i=10")
        #expect(
            DirectiveRun.failure("grid model=movie-mean seed=1,2", in: session)
                == "t.md:9: `movie-mean` has no setting `seed`; it takes none")
        #expect(DirectiveRun.failure("train x model=item-knn seed=3", in: session).contains("has no setting `seed`"))
    }

    @Test func oneFitTakesOneSeedAndAGridEachSeedOnce() throws {
        let session = try session()
        #expect(
            DirectiveRun.failure("train a model=rsvd seed=1,2", in: session)
                .hasSuffix("seed takes one value here; lists like seed=5,10 belong in `grid`"))
        #expect(
            DirectiveRun.failure("grid model=rsvd k=2 seed=1,2,1", in: session)
                == "t.md:9: seed 1 is listed twice; give each seed once, as in seed=1,2,3")
    }

    @Test func crossvalidateRecordsItsSeed() throws {
        let session = try session()
        try DirectiveRun.run("split folds=2", in: session)
        let results = try DirectiveRun.run("crossvalidate c model=sgd-svd k=2 epochs=2 seed=3", in: session)
        guard case .table(let table) = results[0] else {
            Issue.record("crossvalidate gives a table")
            return
        }
        #expect(table.title.contains("seed=3)"))
        #expect(session.scores.last?.settings.hasSuffix("seed=3") == true)
    }

    @Test func aGridWithSeedsShowsTheMeanAndSpreadAndPicksByTheMean() throws {
        let session = try session()
        let results = try DirectiveRun.run(
            "grid model=rsvd k=2,4 epochs=10 batch=100 lr=0.01 optimizer=lazy-adam seed=1,2,3", in: session)
        guard case .table(let table) = results[0], case .note(let verdict) = results[1],
            case .barChart(let chart) = results[2]
        else {
            Issue.record("grid gives a table, a note and a chart")
            return
        }
        #expect(
            table.columns.map(\.name) == [
                "#", "settings", "mean validation MAE", "mean validation RMSE", "MAE sd", "MAE min", "MAE max", "",
            ])
        #expect(table.title.contains("each fitted with seeds 1, 2, 3"))
        func number(_ value: TableValue) -> Double {
            if case .decimal(let number) = value { return number }
            return .nan
        }
        let means = table.rows.map { number($0[2]) }
        for row in table.rows {
            #expect(number(row[5]) <= number(row[2]) && number(row[2]) <= number(row[6]))
            #expect(number(row[4]) > 0)
        }
        let best = try #require(table.rows.firstIndex { $0.last == .text("best") })
        #expect(means[best] == means.min())
        #expect(verdict.hasPrefix("Best by mean MAE over the 3 seeds: "))
        #expect(chart.values == means)
        #expect(chart.labels == ["#1 k=2", "#2 k=4"])
        #expect(chart.title == "Mean validation MAE over 3 seeds by setting (lower is better)")
    }

    @Test func aGridWithoutSeedsKeepsItsTableAndAddsAChart() throws {
        let session = try session()
        let results = try DirectiveRun.run(
            "grid model=rsvd k=2,4 reg=0.01,0.001 epochs=10 batch=100 lr=0.01 optimizer=lazy-adam by=rmse", in: session)
        guard case .table(let table) = results[0], case .note = results[1], case .barChart(let chart) = results[2] else {
            Issue.record("grid gives a table, a note and a chart")
            return
        }
        #expect(table.columns.map(\.name) == ["#", "settings", "validation MAE", "validation RMSE", ""])
        #expect(chart.values == table.rows.map { if case .decimal(let rmse) = $0[3] { rmse } else { .nan } })
        #expect(chart.labels == ["#1 k=2, reg=0.01", "#2 k=2, reg=0.001", "#3 k=4, reg=0.01", "#4 k=4, reg=0.001"])
        #expect(chart.title == "Validation RMSE by setting (lower is better)")
    }
}
