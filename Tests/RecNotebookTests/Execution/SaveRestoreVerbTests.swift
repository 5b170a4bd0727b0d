import Foundation
import RecEngine
import RecTestSupport
import Testing

@testable import RecNotebook

/// `save` and `restore` on the small synthetic preset, with a temporary output folder.
@Suite struct SaveRestoreVerbTests {
    /// A session on the small preset with a split, rendering into a fresh output folder.
    private func session(out: URL? = nil, data: String = "/nonexistent-recbook-data") throws -> (Session, URL) {
        let out = try out ?? TestPaths.temporaryFolder().appendingPathComponent("output")
        let session = Session(context: RunContext(dataFolder: data, notebookFile: "t.md", outputFolder: out.path))
        try DirectiveRun.run("load ratings=r.csv movies=m.csv synth=small\nsplit test=0.2", in: session)
        return (session, out)
    }

    private func trained() throws -> (Session, URL) {
        let (session, out) = try session()
        try DirectiveRun.run("train a model=rsvd k=3 epochs=2 batch=500 optimizer=lazy-adam", in: session)
        return (session, out)
    }

    private static func rows(_ results: [CellResult]) -> [[TableValue]]? {
        guard case .table(let table) = results.first else { return nil }
        return table.rows
    }

    @Test func aRestoredModelPredictsExactlyAsTheSavedOne() throws {
        let (session, out) = try trained()
        let saved = try DirectiveRun.run("save a", in: session)
        #expect(saved.last == .file(FileLink(label: "Model file (recbook.factor-model, version 2)", path: "models/a.recmodel")))
        guard case .metrics(let facts) = saved.first else {
            Issue.record("save shows what it saved")
            return
        }
        #expect(facts.title.hasPrefix("Saved `a`: rsvd, k=3"))
        #expect(facts.metrics.map(\.name).contains("parameters"))
        let file = out.appendingPathComponent("models/a.recmodel").path
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("models").path) == ["a.recmodel"])

        let restored = try DirectiveRun.run("restore b from=a.recmodel", in: session)
        guard case .metrics(let list) = restored.first else {
            Issue.record("restore shows what it restored")
            return
        }
        #expect(list.title.hasPrefix("Restored `b` from models/a.recmodel: rsvd, k=3"))
        #expect(list.metrics.first { $0.name == "epochs in its history" }?.value == 2)
        let original = try #require(Self.rows(try DirectiveRun.run("predictions a n=50", in: session)))
        let copy = try #require(Self.rows(try DirectiveRun.run("predictions b n=50", in: session)))
        #expect(original.count == 50)
        #expect(copy == original)
        try DirectiveRun.run("evaluate a\nevaluate b", in: session)
        #expect(session.scores[0].metrics == session.scores[1].metrics)
        #expect(session.models["b"]?.history == session.models["a"]?.history)
        try DirectiveRun.run("loss b\nrecommend b user=5 n=5", in: session)
    }

    @Test func aModelFileInsideTheDataFolderRestoresWithFileAndOutsideIsRefused() throws {
        let (first, out) = try trained()
        try DirectiveRun.run("save a file=shared.recmodel", in: first)
        let data = try TestPaths.temporaryFolder()
        try FileManager.default.copyItem(
            atPath: out.appendingPathComponent("models/shared.recmodel").path,
            toPath: data.appendingPathComponent("shared.recmodel").path)
        let (session, _) = try session(data: data.path)
        try DirectiveRun.run("restore c file=shared.recmodel", in: session)
        #expect(session.models["c"] != nil)
        let message = DirectiveRun.failure("restore d file=../shared.recmodel", in: session)
        #expect(message.hasPrefix("t.md:9: `../shared.recmodel` resolves to "), "\(message)")
        #expect(message.contains("outside the data folder"), "\(message)")
    }

    @Test func fileNamesMustBePlain() throws {
        let (session, out) = try trained()
        for name in ["../x.recmodel", "sub/x.recmodel", ".hidden", "..", "\"\""] {
            let message = DirectiveRun.failure("save a file=\(name)", in: session, line: 4)
            #expect(message.hasPrefix("t.md:4: file=`"), "\(message)")
            #expect(message.contains("is not a plain file name"), "\(message)")
        }
        #expect(
            DirectiveRun.failure("restore b from=../a.recmodel", in: session).hasPrefix(
                "t.md:9: from=`../a.recmodel` is not a plain"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("x.recmodel").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("models").path))
        try DirectiveRun.run("train c/d model=svd k=2 epochs=1 batch=500", in: session)
        #expect(DirectiveRun.failure("save c/d", in: session).contains("the model name `c/d` does not make a plain file name"))
        try DirectiveRun.run("save c/d file=cd.recmodel", in: session)
    }

    @Test func restoreNeedsExactlyOneSourceAndAName() throws {
        let (session, _) = try trained()
        for code in ["restore b", "restore b from=a.recmodel file=a.recmodel", "restore from=a.recmodel"] {
            let message = DirectiveRun.failure(code, in: session)
            #expect(message.hasPrefix("t.md:9: `restore` needs "), "\(message)")
        }
    }

    @Test func aMissingOrDamagedOrNewerFileIsAClearError() throws {
        let (session, out) = try trained()
        let models = out.appendingPathComponent("models")
        let missing = DirectiveRun.failure("restore b from=none.recmodel", in: session)
        #expect(
            missing
                == "t.md:9: \(models.path)/none.recmodel: no such file; save a model there first, e.g. `save NAME file=none.recmodel`"
        )

        try DirectiveRun.run("save a", in: session)
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        try Data("not a model".utf8).write(to: models.appendingPathComponent("junk.recmodel"))
        #expect(
            DirectiveRun.failure("restore b from=junk.recmodel", in: session)
                == "t.md:9: \(models.path)/junk.recmodel: not a recbook model file (no header line); save it again with recbook")

        let good = try Data(contentsOf: models.appendingPathComponent("a.recmodel"))
        try good.dropLast(7).write(to: models.appendingPathComponent("short.recmodel"))
        let short = DirectiveRun.failure("restore b from=short.recmodel", in: session)
        #expect(short.hasPrefix("t.md:9: \(models.path)/short.recmodel: expected "), "\(short)")
        #expect(short.hasSuffix("the file is truncated or damaged"), "\(short)")

        let newline = try #require(good.firstIndex(of: 0x0A))
        let header = String(decoding: good[..<newline], as: UTF8.self).replacingOccurrences(
            of: "\"version\":2", with: "\"version\":3")
        try (Data(header.utf8) + good[newline...]).write(to: models.appendingPathComponent("newer.recmodel"))
        #expect(
            DirectiveRun.failure("restore b from=newer.recmodel", in: session)
                == "t.md:9: \(models.path)/newer.recmodel: format version 3 is newer than this recbook reads (2); upgrade recbook"
        )
        #expect(session.models["b"] == nil)
    }

    @Test func aModelForOtherDataSaysBothSizes() throws {
        let (first, out) = try trained()
        try DirectiveRun.run("save a", in: first)
        let data = try RunnerFixtures.dataFolder()
        try FileManager.default.copyItem(
            atPath: out.appendingPathComponent("models/a.recmodel").path, toPath: data + "/a.recmodel")
        let session = Session(context: RunContext(dataFolder: data, notebookFile: "t.md", outputFolder: out.path))
        try DirectiveRun.run("load ratings=user_movies.csv", in: session)
        let dataset = try #require(first.dataset)
        let message = DirectiveRun.failure("restore b file=a.recmodel", in: session)
        #expect(
            message
                == "t.md:9: \(data)/a.recmodel: the model was trained on data with \(dataset.ratings.userCount) users and "
                + "\(dataset.ratings.movieCount) movies, but the loaded data has 3 users and 2 movies; "
                + "restore it after loading the data it was trained on")
    }

    @Test func savingAnUnknownNameSuggestsTheClosest() throws {
        let (session, _) = try trained()
        try DirectiveRun.run("train svd1 model=svd k=2 epochs=1 batch=500", in: session)
        #expect(DirectiveRun.failure("save svd2", in: session) == "t.md:9: no model named `svd2`. Did you mean `svd1`?")
        #expect(DirectiveRun.failure("save", in: session).hasPrefix("t.md:9: `save` needs the name of a trained model"))
    }

    @Test func onlyFactorModelsAreSaved() throws {
        let (session, out) = try trained()
        try DirectiveRun.run("train base model=baseline\ntrain als model=als rank=2 iterations=2", in: session)
        #expect(
            DirectiveRun.failure("save base", in: session)
                == "t.md:9: `base` (baseline) cannot be saved: `save` writes only svd, rsvd and neural models, the "
                + "families with a documented file format (recbook.factor-model)")
        #expect(DirectiveRun.failure("save als", in: session).hasPrefix("t.md:9: `als` (als) cannot be saved"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("models").path))
    }

    @Test func withoutAnOutputFolderSaveAndRestoreSaySo() throws {
        let session = Session(context: RunContext(dataFolder: "/nonexistent-recbook-data", notebookFile: "t.md"))
        try DirectiveRun.run(
            "load ratings=r.csv synth=small\nsplit test=0.2\ntrain a model=svd k=2 epochs=1 batch=500", in: session)
        #expect(DirectiveRun.failure("save a", in: session).contains("there is no output folder (--out)"))
        #expect(DirectiveRun.failure("restore b from=a.recmodel", in: session).contains("there is no output folder (--out)"))
    }

    // MARK: - Writing

    private static func temporaries(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    }

    /// The temporary file is written whole, then the rename fails (a folder holds the name):
    /// the error names the line and the file, and no temporary file is left.
    @Test func aFailedRenameLeavesNoTemporaryFile() throws {
        let (session, out) = try trained()
        let models = out.appendingPathComponent("models")
        try FileManager.default.createDirectory(
            at: models.appendingPathComponent("a.recmodel"), withIntermediateDirectories: true)
        let message = DirectiveRun.failure("save a", in: session, line: 7)
        #expect(message.hasPrefix("t.md:7: \(models.path)/a.recmodel: cannot write: "), "\(message)")
        #expect(try Self.temporaries(in: models).isEmpty)
    }

    /// `--out`'s `models` is a regular file: the folder cannot be made (ENOTDIR bites root too).
    @Test func aModelsFolderThatCannotBeMadeIsAClearError() throws {
        let (session, out) = try trained()
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: out.appendingPathComponent("models"))
        let message = DirectiveRun.failure("save a", in: session, line: 7)
        #expect(
            message.hasPrefix(
                "t.md:7: \(out.path)/models/a.recmodel: cannot write: \(out.path)/models is a file, not a folder; "), "\(message)"
        )
        #expect(try Self.temporaries(in: out).isEmpty)
        #expect(try String(contentsOf: out.appendingPathComponent("models"), encoding: .utf8) == "x")
    }

    /// Every write lands on /dev/full, as on a full disk (see `FaultTests`): the previous model
    /// file stays whole and no temporary file is left.
    @Test func aFullDiskLeavesThePreviousModelWhole() throws {
        let (session, out) = try trained()
        try DirectiveRun.run("save a", in: session)
        let target = out.appendingPathComponent("models/a.recmodel")
        let previous = try Data(contentsOf: target)
        let directive = try DirectiveParser.parseCell("save a", file: "t.md", firstLine: 3)[0]
        let invocation = Invocation(directive: directive, verb: SaveVerb.verb)
        let location = try ModelFiles.location("a.recmodel", key: "file", session, invocation)
        #expect {
            try ModelFiles.write(Data(repeating: 1, count: 100_000), to: location, invocation, opener: FullDisk.opener)
        } throws: { error in
            "\(error)" == "t.md:3: \(target.path): cannot write: No space left on device"
        }
        #expect(try Data(contentsOf: target) == previous)
        #expect(try Self.temporaries(in: target.deletingLastPathComponent()).isEmpty)
    }

    // MARK: - Reports

    /// `render` writes the model under --out and links it; `check` runs save and restore again in
    /// a scratch folder and leaves the committed model file alone.
    @Test func theReportLinksTheModelAndCheckWritesNothing() throws {
        let folder = try RunnerFixtures.folder()
        let notebook = folder + "/01-models.md"
        try RunnerFixtures.write(
            """
            # Models

            ```rec
            load ratings=absent.csv movies=absent.csv synth=small
            split test=0.2
            train a model=svd k=2 epochs=2 batch=500 optimizer=lazy-adam
            save a file="a <1>&.recmodel"
            ```

            ```rec
            restore b from="a <1>&.recmodel"
            predictions b n=5
            ```
            """, to: notebook)
        let out = folder + "/output"
        let outcome = try ReportRenderer.render(
            notebook: notebook, options: .init(dataFolder: folder, outFolder: out, keepGoing: false))
        #expect(outcome.succeeded, "\(String(describing: outcome.error))")
        let html = try String(contentsOfFile: out + "/01-models.html", encoding: .utf8)
        #expect(html.contains("<a href=\"models/a%20%3C1%3E%26.recmodel\">models/a &lt;1&gt;&amp;.recmodel</a>"))
        let model = out + "/models/a <1>&.recmodel"
        let saved = try Data(contentsOf: URL(fileURLWithPath: model))
        let twin = try ReportTwin.decoder().decode(
            ReportTwin.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/01-models.json")))
        #expect(twin.cells[0].results.last?.kind == "file")
        #expect(twin.cells[0].results.last?.text == "models/a <1>&.recmodel")

        let checked = try NotebookChecker.check(notebook: notebook, options: .init(dataFolder: nil, outFolder: out))
        #expect(checked.passed, "\(CheckReport.text(checked))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == saved)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/models") == ["a <1>&.recmodel"])
    }

    /// A model saved by one notebook and restored by a later one: `check` of the later one reads
    /// the committed model, and neither check writes into --out.
    @Test func checkRestoresAModelAnotherNotebookSaved() throws {
        let folder = try RunnerFixtures.folder()
        let load = "load ratings=absent.csv movies=absent.csv synth=small\nsplit test=0.2"
        try RunnerFixtures.write(
            "# Save\n\n```rec\n\(load)\ntrain a model=svd k=2 epochs=2 batch=500 optimizer=lazy-adam\nsave a\n```\n",
            to: folder + "/01-save.md")
        try RunnerFixtures.write(
            "# Restore\n\n```rec\n\(load)\nrestore b from=a.recmodel\npredictions b n=5\n```\n", to: folder + "/02-restore.md")
        let out = folder + "/output"
        for name in ["01-save", "02-restore"] {
            let outcome = try ReportRenderer.render(
                notebook: folder + "/\(name).md", options: .init(dataFolder: folder, outFolder: out, keepGoing: false))
            #expect(outcome.succeeded, "\(String(describing: outcome.error))")
        }
        let saved = try Data(contentsOf: URL(fileURLWithPath: out + "/models/a.recmodel"))
        for name in ["02-restore", "01-save"] {
            let checked = try NotebookChecker.check(
                notebook: folder + "/\(name).md", options: .init(dataFolder: nil, outFolder: out))
            #expect(checked.passed, "\(CheckReport.text(checked))")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/models/a.recmodel")) == saved)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/models") == ["a.recmodel"])
    }

    @Test func linksArePercentEncoded() {
        #expect(RelativeURL.encode("models/a b#?%.recmodel") == "models/a%20b%23%3F%25.recmodel")
        #expect(RelativeURL.encode("models/小.recmodel") == "models/%E5%B0%8F.recmodel")
        #expect(RelativeURL.encode("models/javascript:x") == "models/javascript%3Ax")
    }
}
