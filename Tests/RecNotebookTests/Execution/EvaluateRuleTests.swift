import Testing

@testable import RecNotebook

/// `evaluate NAME fallback=... clip=...` and the seen/unseen-user rows, on the small preset.
@Suite struct EvaluateRuleTests {
    private func session() throws -> Session {
        let session = Session(context: RunContext(dataFolder: "/nonexistent-recbook-data", notebookFile: "t.md"))
        try DirectiveRun.run(
            "load ratings=r.csv movies=m.csv synth=small\nsplit test=0.2\ntrain a model=rsvd k=4 epochs=3 batch=500\n"
                + "train b model=baseline", in: session)
        return session
    }

    private func metrics(_ line: String, in session: Session) throws -> [String: Double] {
        let results = try DirectiveRun.run(line, in: session)
        guard case .metrics(let list) = results.first else { throw Unexpected(results: results) }
        return Dictionary(list.metrics.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private struct Unexpected: Error { var results: [CellResult] }

    @Test func badValuesAreErrorsListingWhatIsAllowed() throws {
        let session = try session()
        #expect(
            DirectiveRun.failure("evaluate a fallback=zero", in: session)
                == "t.md:9: fallback must be one of `mean`, `none`, not `zero`.")
        #expect(DirectiveRun.failure("evaluate a clip=maybe", in: session) == "t.md:9: clip must be true or false, not `maybe`")
        let baseline = DirectiveRun.failure("evaluate b fallback=none", in: session)
        #expect(baseline.hasPrefix("t.md:9: fallback=none") && baseline.contains("`b` is a baseline model"))
        #expect(DirectiveRun.failure("evaluate b clip=false", in: session) == "no error")
        // relevant= only matters to ranking=K: alone, it would be a setting silently ignored.
        #expect(
            DirectiveRun.failure("evaluate a relevant=3", in: session)
                == "t.md:9: relevant= says which held-out ratings count for ranking=K: give ranking=K too")
    }

    @Test func kerasRuleChangesOnlyTheUnseenUsersUnlessItUnclips() throws {
        let session = try session()
        let standard = try metrics("evaluate a", in: session)
        let explicit = try metrics("evaluate a fallback=mean clip=true", in: session)
        #expect(standard == explicit)
        let unseenRows = try #require(standard["test ratings from users not in training"])
        let seenRows = try #require(standard["test ratings from users seen in training"])
        #expect(unseenRows > 0, "the small preset's split has cold-start users")
        #expect(seenRows + unseenRows == Double(session.split!.test.count))
        #expect(standard["test ratings predicted by the fallback (training mean)"] == unseenRows)

        let noFallback = try metrics("evaluate a fallback=none", in: session)
        #expect(noFallback["MAE (users seen in training)"] == standard["MAE (users seen in training)"])
        #expect(noFallback["MAE (users not in training)"] != standard["MAE (users not in training)"])
        #expect(noFallback["MAE"] != standard["MAE"])
        #expect(noFallback["test ratings predicted by the fallback (training mean)"] == 0)

        // Unclipped, the seen users' MAE moves exactly when some prediction left the rating range.
        let keras = try metrics("evaluate a fallback=none clip=false", in: session)
        let model = try #require(session.models["a"])
        let test = session.split!.test
        let scale = model.predictor.scale
        let outside = (0..<test.count).contains { row in
            let raw = try? model.predictor.model.estimateAsTrained(user: Int(test.users[row]), movie: Int(test.movies[row]))
            return !scale.contains(raw ?? scale.lowerBound)
        }
        #expect((keras["MAE"] != noFallback["MAE"]) == outside)

        for scores in [standard, noFallback, keras] {
            let weighted =
                (scores["MAE (users seen in training)"]! * seenRows + scores["MAE (users not in training)"]! * unseenRows)
                / (seenRows + unseenRows)
            #expect(abs(weighted - scores["MAE"]!) < 1e-12)
        }
    }

    @Test func compareKeepsItsColumnsAndNamesTheRule() throws {
        let session = try session()
        try DirectiveRun.run("evaluate a fallback=none clip=false\nevaluate b", in: session)
        let results = try DirectiveRun.run("compare by=MAE", in: session)
        guard case .table(let table) = results.first else {
            Issue.record("compare gives a table")
            return
        }
        #expect(table.columns.count == 5, "model, settings, MSE, RMSE, MAE")
        let settings = table.rows.compactMap { row -> String? in
            if case .text(let text) = row[1] { return text }
            return nil
        }
        #expect(settings.contains { $0.hasPrefix("rsvd:") && $0.hasSuffix("(scored with fallback=none, clip=false)") })
        #expect(settings.contains { $0.hasPrefix("baseline:") && !$0.contains("scored with") })
    }
}
