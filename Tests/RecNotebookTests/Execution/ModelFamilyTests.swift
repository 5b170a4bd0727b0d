import Foundation
import RecEngine
import Testing

@testable import RecNotebook

/// The model-family registry: every family refuses settings it does not take and values out of
/// range, naming what it allows; defaults come from the family's one declaration.
@Suite struct ModelFamilyTests {
    private func session() throws -> Session {
        let session = Session(context: RunContext(dataFolder: "/nonexistent-recbook-data", notebookFile: "t.md"))
        try DirectiveRun.run("load ratings=r.csv movies=m.csv synth=small\nsplit test=0.2", in: session)
        return session
    }

    private func message(_ line: String, _ session: Session) -> String {
        do {
            try DirectiveRun.run(line, in: session)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    /// A value that `setting` refuses.
    private func outOfRange(_ setting: ModelSetting) -> String {
        switch setting.kind {
        case .whole(let range): return "\(range.upperBound + 1)"
        case .decimal(.nonNegative): return "-1"
        case .decimal(.positive): return "0"
        case .decimal(.fraction): return "1"
        case .flag: return "maybe"
        case .word: return "nonsense"
        }
    }

    @Test func everyFamilyRefusesBadValuesAndSettingsItDoesNotTake() throws {
        let session = try session()
        for family in ModelFamilyRegistry.all {
            for setting in family.settings {
                let value = outOfRange(setting)
                let said = message("train x model=\(family.name) \(setting.key)=\(value)", session)
                #expect(
                    said.contains("\(setting.key) must be \(setting.allowed), not `\(value)`"),
                    "\(family.name): \(said)" as Comment)
            }
            let foreign = try #require(ModelFamilyRegistry.settingKeys.first { family.setting($0) == nil })
            let said = message("grid model=\(family.name) \(foreign)=1", session)
            #expect(said.contains("`\(family.name)` has no setting `\(foreign)`"), "\(said)")
            let rows = try #require(session.split?.train.count)
            #expect(family.settings.isEmpty || said.contains("its settings: \(family.defaultsText(rows: rows))"), "\(said)")
        }
    }

    @Test func patienceWithoutAValidationShareSaysWhatToAdd() throws {
        let session = try session()
        #expect(
            message("train m model=rsvd patience=3", session)
                == "t.md:1: patience must be used with validation > 0 (early stopping watches the validation loss), "
                + "not with validation=0; add validation=0.2, say (model=rsvd)")
    }

    @Test func aSettingOfAnotherFamilyIsAnErrorNamingThisFamilysSettings() throws {
        let session = try session()
        #expect(
            message("train a model=als k=20", session).hasSuffix(
                "`als` has no setting `k`; its settings: rank=10, iterations=10, reg=0.1, nonnegative=false, "
                    + "seed=(from the master seed) (did you mean rank?)"))
        #expect(message("train b model=svd rank=20", session).contains("`svd` has no setting `rank`"))
        #expect(message("train b model=svd rank=20", session).contains("(did you mean k?)"))
        #expect(message("grid model=movie-mean k=5", session).hasSuffix("`movie-mean` has no setting `k`; it takes none"))
        try DirectiveRun.run("split folds=3", in: session)
        #expect(message("crossvalidate c model=baseline k=5", session).contains("`baseline` has no setting `k`"))
        #expect(session.models["a"] == nil && session.models["b"] == nil)
    }

    @Test func defaultsAreTheFamilysDeclaredOnes() throws {
        let session = try session()
        try DirectiveRun.run("train a model=als", in: session)
        #expect(
            session.models["a"]?.config
                == .als(ALSConfig(rank: 10, iterations: 10, regularization: 0.1, seed: 0)).reseeded(
                    ModelOptions.seed(session, name: "a")))
    }

    /// The article's batch of 10,000 at its sizes; a small set gets at least 64 steps an epoch.
    @Test func defaultBatchKeepsTheArticlesSizeOnLargeSetsAndShrinksOnSmallOnes() {
        #expect(AdamFamily.defaultBatch(rows: 805_917) == 10_000)
        #expect(AdamFamily.defaultBatch(rows: 640_000) == 10_000)
        #expect(AdamFamily.defaultBatch(rows: 80_668) == 1_260)
        #expect(AdamFamily.defaultBatch(rows: 100) == 32)
    }

    @Test func aFitThatDidNotLearnSaysSoWithTheNumbers() throws {
        let session = try session()
        let results = try DirectiveRun.run("train svd1 model=svd k=10 epochs=2 batch=10000", in: session)
        let notes = results.compactMap { result -> String? in
            if case .note(let text) = result { return text }
            return nil
        }
        let warning = try #require(notes.first { $0.hasPrefix("Warning: `svd1` did not learn") }, "\(notes)")
        let rows = try #require(session.split?.train.count)
        let grouped = rows >= 1_000 ? "\(rows / 1_000),\(String(format: "%03d", rows % 1_000))" : "\(rows)"
        #expect(warning.contains("1 batch of \(grouped) per epoch, 2 Adam steps in all"), "\(warning)")
        #expect(warning.contains("try a smaller batch"))
    }

    @Test func aFitThatOvershootsIsToldToLowerTheLearningRate() throws {
        let session = try session()
        let results = try DirectiveRun.run("train x model=rsvd k=5 epochs=6 batch=64 lr=1", in: session)
        let notes = results.compactMap { result -> String? in
            if case .note(let text) = result { return text }
            return nil
        }
        let warning = try #require(notes.first { $0.hasPrefix("Warning: `x` did not learn") }, "\(notes)")
        #expect(warning.contains("the learning rate is likely too large: try lr=0.1."), "\(warning)")
        #expect(!warning.contains("try a smaller batch"))
    }

    @Test func aFitThatLearnedHasNoWarning() throws {
        let session = try session()
        let results = try DirectiveRun.run("train b model=rsvd k=4 epochs=20 batch=100 lr=0.01", in: session)
        #expect(!results.contains { if case .note(let text) = $0 { text.hasPrefix("Warning") } else { false } })
    }

    @Test func aFitStoppedWhileStillLearningSaysMoreEpochsWouldHelp() throws {
        let session = try session()
        let results = try DirectiveRun.run("train a model=rsvd k=4 epochs=4 batch=100 lr=0.01", in: session)
        let rows = try #require(session.split?.train.count)
        let note = results.compactMap { result -> String? in
            if case .note(let text) = result { return text }
            return nil
        }.first
        #expect(note?.hasPrefix("Note: `a` was still learning when it stopped") == true, "\(String(describing: note))")
        #expect(note?.contains("\(rows / 100) batches of 100 per epoch, \(rows / 100 * 4) Adam steps in all at lr=0.01") == true)
    }

    @Test func crossValidationSaysWhenAFoldDidNotLearn() throws {
        let session = try session()
        try DirectiveRun.run("split folds=2", in: session)
        let results = try DirectiveRun.run("crossvalidate x model=svd k=4 epochs=1 batch=10000", in: session)
        guard case .note(let note) = results.last else {
            Issue.record("crossvalidate ends with a note when a fold did not learn")
            return
        }
        #expect(note.hasPrefix("Warning: `x` did not learn in at least one fold"))
    }

    @Test func gridMarksNoBestWhenNoSettingLearned() throws {
        let session = try session()
        let results = try DirectiveRun.run("grid model=svd k=5,10 epochs=1 batch=10000", in: session)
        guard case .table(let table) = results[0], case .note(let note) = results[1] else {
            Issue.record("grid gives a table and a note")
            return
        }
        #expect(!table.rows.contains { $0.last == .text("best") })
        // No empty marker column either.
        #expect(table.columns.count == 4 && table.rows.allSatisfy { $0.count == 4 })
        #expect(note.hasPrefix("Warning: no best: none of these fits learned"))
    }
}
