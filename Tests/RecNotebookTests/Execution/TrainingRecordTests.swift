import Foundation
import RecEngine
import RecTestSupport
import Testing

@testable import RecNotebook

/// A model must not be scored on test rows it learnt from: what `save` records, what `evaluate`
/// and `predictions` refuse, what `allow-mismatch=true` lets through with a warning, and the note
/// when a model name is reused.
@Suite struct TrainingRecordTests {
    /// The small preset (always generated with seed 42), split with master seed `seed`,
    /// rendering into the output folder `out`.
    private func session(out: URL, seed: Int = 42) throws -> Session {
        let session = Session(
            context: RunContext(dataFolder: "/nonexistent-recbook-data", notebookFile: "t.md", outputFolder: out.path))
        try DirectiveRun.run("load ratings=r.csv movies=m.csv synth=small\nseed \(seed)\nsplit test=0.2", in: session)
        return session
    }

    /// A session that trained and saved `a` (rsvd) on the seed-42 split.
    private func saved() throws -> (Session, URL) {
        let out = try TestPaths.temporaryFolder().appendingPathComponent("output")
        let session = try session(out: out)
        try DirectiveRun.run("train a model=rsvd k=5 epochs=30 batch=256 lr=0.01 optimizer=lazy-adam\nsave a", in: session)
        return (session, out)
    }

    private static func notes(_ results: [CellResult]) -> [String] {
        results.compactMap { if case .note(let text) = $0 { text } else { nil } }
    }

    private static func rmse(_ results: [CellResult]) -> Double? {
        guard case .metrics(let list) = results.first else { return nil }
        return list.metrics.first { $0.name == "RMSE" }?.value
    }

    /// The user's report: restore after a split with another seed, then evaluate, scored the
    /// model on rows it had learnt from. Now it is refused, saying both splits and the way out.
    @Test func restoringAfterAnotherSplitThenEvaluatingIsRefused() throws {
        let (_, out) = try saved()
        let other = try session(out: out, seed: 7)
        let restored = try DirectiveRun.run("restore b from=a.recmodel", in: other)
        #expect(
            Self.notes(restored).contains {
                $0.hasPrefix("It was trained on recbook synth --preset small --seed 42 (sha256 ")
                    && $0.contains("seed 42 test 0.2")
            })

        let message = DirectiveRun.failure("evaluate b", in: other)
        #expect(
            message.hasPrefix(
                "t.md:9: `b` cannot be scored on this split: it was trained on recbook synth --preset small --seed 42 (sha256 "),
            "\(message)")
        #expect(message.contains("with the holdout split seed 42 test 0.2 (7,200 training rows)"), "\(message)")
        #expect(message.contains("this session has the holdout split seed 7 test 0.2 (7,200 training rows) of the same data"))
        #expect(message.contains("its test rows may be among the model's training rows"))
        #expect(
            message.hasSuffix(
                "split the same way before scoring it, or restore it with allow-mismatch=true to score it anyway, with a warning")
        )
        #expect(DirectiveRun.failure("predictions b", in: other).contains("`b` cannot be scored on this split"))
        #expect(other.scores.isEmpty)
        // Needing no split, recommendations and the loss curve still work.
        try DirectiveRun.run("recommend b user=3 n=5\nloss b", in: other)
    }

    /// Split the same way (same data, seed and share), the restored model scores exactly as the
    /// saved one did.
    @Test func theSameSplitScoresTheRestoredModelAsTheOriginal() throws {
        let (first, out) = try saved()
        let original = try DirectiveRun.run("evaluate a", in: first)
        let again = try session(out: out)
        try DirectiveRun.run("restore b from=a.recmodel", in: again)
        let restored = try DirectiveRun.run("evaluate b", in: again)
        #expect(Self.rmse(restored) != nil)
        #expect(Self.rmse(restored) == Self.rmse(original))
        #expect(Self.notes(restored).isEmpty)
    }

    /// `allow-mismatch=true` scores it, and every result says it may have seen the test rows:
    /// the evaluation, the predictions and the comparison row. Its RMSE is the leak's: better
    /// than on the split it was trained for.
    @Test func allowMismatchScoresWithAWarningOnEveryResult() throws {
        let (first, out) = try saved()
        let honest = try #require(Self.rmse(try DirectiveRun.run("evaluate a", in: first)))
        let other = try session(out: out, seed: 7)
        try DirectiveRun.run("restore b from=a.recmodel allow-mismatch=true", in: other)
        let evaluated = try DirectiveRun.run("evaluate b", in: other)
        let warning = try #require(Self.notes(evaluated).first)
        #expect(warning.hasPrefix("Warning: `b` may have been trained on some of these test rows, so its scores may be too good"))
        #expect(warning.contains("seed 42") && warning.contains("seed 7"))
        let leaked = try #require(Self.rmse(evaluated))
        #expect(leaked < honest, "the test rows it saw flatter it: \(leaked) vs \(honest)")
        #expect(Self.notes(try DirectiveRun.run("predictions b n=3", in: other)) == [warning])
        #expect(other.scores.first?.settings.hasSuffix("(may have seen test rows)") == true)
        guard case .table(let table) = try DirectiveRun.run("compare", in: other).first else {
            Issue.record("compare shows a table")
            return
        }
        #expect(table.rows.first?[1] == .text(try #require(other.scores.first?.settings)))
        #expect(
            DirectiveRun.failure("restore c from=a.recmodel allow-mismatch=maybe", in: other).hasSuffix(
                "allow-mismatch must be true or false, not `maybe`"))
    }

    /// A model trained here before a second split, or on all ratings, may have seen the new test
    /// rows just the same.
    @Test func aModelTrainedBeforeAnotherSplitOrOnAllRowsIsRefused() throws {
        let (session, _) = try saved()
        try DirectiveRun.run("train everything model=svd k=2 epochs=1 batch=500 on=all", in: session)
        let onAll = DirectiveRun.failure("evaluate everything", in: session)
        #expect(onAll.contains("it was trained on recbook synth --preset small --seed 42 (sha256 "), "\(onAll)")
        #expect(onAll.contains("with all 9000 ratings (on=all, no split)"), "\(onAll)")
        #expect(onAll.hasSuffix("To fix, train it without on=all to score it on the split"), "\(onAll)")
        try DirectiveRun.run("evaluate a\nseed 7\nsplit test=0.2", in: session)
        let resplit = DirectiveRun.failure("evaluate a", in: session)
        #expect(resplit.contains("seed 42 test 0.2") && resplit.contains("this session has the holdout split seed 7"))
        #expect(resplit.hasSuffix("To fix, train it again after this split"), "\(resplit)")
    }

    /// Other data of the same shape: the file's hash names the difference.
    @Test func otherDataOfTheSameShapeIsRefused() throws {
        let (first, out) = try saved()
        let other = try session(out: out)
        // The same users and movies, every rating one lower: same shape, other data.
        var dataset = try #require(other.dataset)
        dataset.ratings = dataset.ratings.replacingRatings(5, with: 4).table
        other.dataset = dataset
        try DirectiveRun.run("split test=0.2\nrestore b from=a.recmodel", in: other)
        let message = DirectiveRun.failure("evaluate b", in: other)
        #expect(message.contains("of the same files, but other ratings (a `replace` or `select` differs)"), "\(message)")
        #expect(first.models["a"]?.record?.trainingRows == 7200)
    }

    /// A version 1 file records nothing: it is read with a note, and scoring it is refused
    /// unless allowed.
    @Test func aVersionOneFileIsReadButNotScoredUnlessAllowed() throws {
        let (_, out) = try saved()
        let models = out.appendingPathComponent("models")
        let saved = try Data(contentsOf: models.appendingPathComponent("a.recmodel"))
        let model = try FactorModel.decode(saved, path: "a.recmodel")
        let bytes = model.encoded()
        let newline = try #require(bytes.firstIndex(of: 0x0A))
        let header = String(decoding: bytes[..<newline], as: UTF8.self)
        #expect(!header.contains("trainedOn"))
        try (Data(header.replacingOccurrences(of: "\"version\":2", with: "\"version\":1").utf8) + bytes[newline...])
            .write(to: models.appendingPathComponent("old.recmodel"))

        let session = try session(out: out)
        let restored = try DirectiveRun.run("restore b from=old.recmodel", in: session)
        #expect(Self.notes(restored).contains { $0.hasPrefix("The file (format version 1) does not record the data and split") })
        let message = DirectiveRun.failure("evaluate b", in: session)
        #expect(
            message
                == "t.md:9: `b` cannot be scored on this split: it was restored from models/old.recmodel, which does not record "
                + "the data and split it was trained on (model files before format version 2 do not); its test rows may be "
                + "among the model's training rows. To fix, save the model again with this recbook, or restore it with "
                + "allow-mismatch=true to score it anyway, with a warning")
        try DirectiveRun.run("restore c from=old.recmodel allow-mismatch=true", in: session)
        #expect(Self.notes(try DirectiveRun.run("evaluate c", in: session)).first?.hasPrefix("Warning: `c` may have") == true)
    }

    // MARK: - Reused names

    /// Training a second model under a taken name says which one it replaces, by cell and line;
    /// so does restoring over one.
    @Test func reusingANameSaysWhichModelItReplaces() throws {
        let folder = try RunnerFixtures.folder()
        let markdown = """
            # Names

            ```rec
            load ratings=r.csv synth=small
            split test=0.2
            train svd1 model=svd k=2 epochs=1 batch=500
            save svd1
            ```

            ```rec
            train svd1 model=svd k=3 epochs=1 batch=500
            restore svd1 from=svd1.recmodel
            ```
            """
        let document = MarkdownParser.parse(markdown, file: "t.md")
        let run = NotebookRunner.run(
            document,
            context: RunContext(dataFolder: folder, notebookFile: "t.md", outputFolder: folder + "/output"),
            keepGoing: false)
        #expect(run.succeeded, "\(String(describing: run.firstError))")
        let notes = Self.notes(run.cells[1].results)
        #expect(
            notes.contains(
                "This replaces the `svd1` trained in cell 1 (line 6); give the new one another name to keep both."),
            "\(notes)")
        #expect(
            notes.contains(
                "This replaces the `svd1` trained in cell 2 (line 11); give the new one another name to keep both."),
            "\(notes)")
        #expect(!Self.notes(run.cells[0].results).contains { $0.hasPrefix("This replaces") })
    }

    @Test func restoringOverARestoredModelNamesTheFile() throws {
        let (session, _) = try saved()
        try DirectiveRun.run("restore b from=a.recmodel", in: session, line: 3)
        let notes = Self.notes(try DirectiveRun.run("restore b from=a.recmodel", in: session, line: 5))
        #expect(
            notes.last
                == "This replaces the `b` restored from models/a.recmodel at line 3; give the new one another name to keep both.")
    }
}
