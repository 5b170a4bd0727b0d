import RecEngine
import Testing

@testable import RecNotebook

/// `summary NAME`: a trained model's tables as Keras' `model.summary()` lists layers.
@Suite struct SummaryVerbTests {
    private func session() throws -> Session {
        let session = Session(context: RunContext(dataFolder: "/nonexistent-recbook-data", notebookFile: "t.md"))
        try DirectiveRun.run("load ratings=r.csv movies=m.csv synth=small\nsplit test=0.2", in: session)
        return session
    }

    /// The table, the totals and the notes of `summary name`.
    private func summary(_ name: String, _ session: Session) throws -> (ResultTable, MetricList, [String]) {
        let results = try DirectiveRun.run("summary \(name)", in: session)
        guard case .table(let table) = results.first, case .metrics(let totals) = results.dropFirst().first else {
            throw Unexpected(results: results)
        }
        let notes = results.compactMap { result -> String? in
            if case .note(let text) = result { return text }
            return nil
        }
        return (table, totals, notes)
    }

    private struct Unexpected: Error { var results: [CellResult] }

    private func total(_ totals: MetricList, _ name: String) -> Double? {
        totals.metrics.first { $0.name == name }?.value
    }

    @Test func rsvdListsEachTableAndItsTrainedMeanAsOneMore() throws {
        let session = try session()
        try DirectiveRun.run("train r model=rsvd k=4 epochs=1", in: session)
        let ratings = try #require(session.dataset?.ratings)
        let (users, movies) = (ratings.userCount, ratings.movieCount)
        let (table, totals, notes) = try summary("r", session)
        #expect(table.columns.map(\.name) == ["table", "Keras layer", "shape", "parameters", "trained"])
        #expect(
            table.rows == [
                [.text("user factors p_u"), .text("Embedding"), .text("\(users) × 4"), .integer(users * 4), .text("yes")],
                [.text("movie factors q_i"), .text("Embedding"), .text("\(movies) × 4"), .integer(movies * 4), .text("yes")],
                [.text("user biases b_u"), .text("Embedding"), .text("\(users) × 1"), .integer(users), .text("yes")],
                [.text("movie biases b_i"), .text("Embedding"), .text("\(movies) × 1"), .integer(movies), .text("yes")],
                [.text("global mean μ"), .text("none (a Lambda's constant)"), .text("1"), .integer(1), .text("yes")],
            ])
        let all = 5 * users + 5 * movies + 1
        #expect(total(totals, "total parameters") == Double(all))
        #expect(total(totals, "trained parameters") == Double(all))
        #expect(total(totals, "not trained") == 0)
        #expect(notes.count == 1)
        #expect(notes.first?.contains("would count \(all - 1) parameters") == true)
        #expect(notes.first?.hasSuffix("one parameter more: \(all).") == true)
    }

    @Test func neuralShowsItsDenseLayersWithKernelAndBias() throws {
        let session = try session()
        try DirectiveRun.run("train n model=neural k=5 units=50 epochs=1", in: session)
        let ratings = try #require(session.dataset?.ratings)
        let (table, totals, _) = try summary("n", session)
        #expect(
            table.rows.suffix(2) == [
                [.text("hidden layer (ReLU)"), .text("Dense"), .text("kernel 12 × 50, bias 50"), .integer(650), .text("yes")],
                [.text("output layer"), .text("Dense"), .text("kernel 50 × 1, bias 1"), .integer(51), .text("yes")],
            ])
        #expect(total(totals, "total parameters") == Double(6 * ratings.userCount + 6 * ratings.movieCount + 650 + 51))
    }

    @Test func otherFamiliesSayWhatTheyStore() throws {
        let session = try session()
        try DirectiveRun.run("train b model=baseline\ntrain m model=movie-mean\ntrain k model=item-knn", in: session)
        let ratings = try #require(session.dataset?.ratings)
        let (baseline, baselineTotals, _) = try summary("b", session)
        // Not a Keras model: no Keras column; μ is the training mean, not trained.
        #expect(baseline.columns.map(\.name) == ["table", "shape", "parameters", "trained"])
        #expect(baseline.rows.first == [.text("global mean μ"), .text("1"), .integer(1), .text("no")])
        #expect(total(baselineTotals, "not trained") == 1)
        let (means, _, _) = try summary("m", session)
        #expect(
            means.rows == [[.text("movie means"), .text("\(ratings.movieCount)"), .integer(ratings.movieCount), .text("yes")]])
        let (_, knnTotals, knnNotes) = try summary("k", session)
        #expect(total(knnTotals, "trained parameters") == 0)
        #expect(knnNotes.first?.hasPrefix("item-knn learns no weights") == true)
    }

    @Test func aMissingNameIsAnErrorWithAnExample() throws {
        let session = try session()
        #expect(
            DirectiveRun.failure("summary", in: session)
                == "t.md:9: `summary` needs the name of a trained model, as in: summary rsvd1")
        #expect(DirectiveRun.failure("summary nope", in: session).contains("nope"))
    }
}
