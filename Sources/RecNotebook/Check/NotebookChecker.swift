import Foundation
import RecEngine

/// `recbook check`: runs a notebook again, on the data its committed report says it used, and
/// lists every value that moved. Writes nothing into the output folder: the committed reports
/// (and saved models) stay as they are.
///
/// The cache is never used: a cached result would hide exactly the change `check` is for (a
/// model default edited without bumping the engine's version).
public enum NotebookChecker {
    public struct Outcome: Sendable {
        public var notebook: String
        /// The committed JSON twin compared with.
        public var report: String
        public var dataFolder: String
        /// Data files whose hash differs from the report's: the report cannot be reproduced on
        /// this data, so each one fails the check on its own.
        public var dataChanges: [String]
        /// Worth knowing, not a failure (e.g. another engine version).
        public var notices: [String]
        public var drifts: [Drift]
        /// Cells that failed in this run, as `file:line: message`. Each fails the check, even
        /// when the committed report recorded the same error: `render` exits 1 on that
        /// notebook, and a check that passes it would let a broken notebook through CI.
        public var failures: [String] = []

        public var passed: Bool { drifts.isEmpty && dataChanges.isEmpty && failures.isEmpty }
    }

    public static func check(notebook path: String, options: RunOptions) throws(ReportError) -> Outcome {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let twinPath = (options.outFolder as NSString).appendingPathComponent(name + ".json")
        guard let twinData = FileManager.default.contents(atPath: twinPath) else {
            throw .cannotRead(
                path: twinPath,
                reason: "no committed report for \(path); render it first (recbook render \(path) --out \(options.outFolder))")
        }
        let committed: ReportTwin
        do {
            committed = try ReportTwin.decoder().decode(ReportTwin.self, from: twinData)
        } catch {
            throw .cannotRead(path: twinPath, reason: "not a recbook JSON report (\(error)); render \(path) again")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .cannotRead(path: path, reason: "missing, unreadable or not UTF-8")
        }
        let dataFolder = options.dataFolder ?? committed.provenance.dataFolder
        // Errors are reported under the name the report was rendered with, so messages compare.
        let document = MarkdownParser.parse(text, file: committed.notebook)
        do {
            try ParameterDeclarations.checkFrontMatter(document)
        } catch {
            throw .invalidNotebook(error)
        }
        // What the run writes (models from `save`) goes to a scratch folder, removed afterwards,
        // so that `check` leaves the committed output as it is. The scratch folder starts with a
        // copy of the committed models: `restore from=` of a model another notebook saved reads
        // what the render read, and one saved earlier in this notebook reads this run's copy.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("recbook-check-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let models = (options.outFolder as NSString).appendingPathComponent(ModelFiles.folderName)
        if FileManager.default.fileExists(atPath: models) {
            do {
                try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
                try FileManager.default.copyItem(
                    atPath: models, toPath: (scratch as NSString).appendingPathComponent(ModelFiles.folderName))
            } catch {
                throw .cannotRead(
                    path: models,
                    reason: "the saved models could not be copied for the check (\(ReportRenderer.posixReason(error)))")
            }
        }
        let context = RunContext(
            dataFolder: dataFolder, notebookFile: committed.notebook,
            parameters: committed.provenance.parameters ?? [:], cache: nil, observer: options.observer,
            allowOutsideData: options.allowOutsideData, outputFolder: scratch, threads: options.threads,
            sparkMaster: options.sparkMaster)
        let run = NotebookRunner.run(document, context: context, keepGoing: true)
        return Outcome(
            notebook: path, report: twinPath, dataFolder: dataFolder,
            dataChanges: dataChanges(committed: committed, current: run),
            notices: engineNotices(committed: committed, current: run),
            drifts: ReportComparison.drifts(committed: committed, current: run),
            failures: run.cells.compactMap { $0.error.map(\.description) })
    }

    static func engineNotices(committed: ReportTwin, current: NotebookRun) -> [String] {
        guard committed.provenance.engineVersion != current.provenance.engineVersion else { return [] }
        return [
            "the report was rendered by engine \(committed.provenance.engineVersion); this is \(current.provenance.engineVersion)"
        ]
    }

    /// Each data file whose digest differs from the report's, said plainly.
    static func dataChanges(committed: ReportTwin, current: NotebookRun) -> [String] {
        var notices: [String] = []
        let old = committed.provenance.sources
        let new = current.provenance.sources
        for role in Array(Set(old.map(\.role)).union(new.map(\.role))).sorted() {
            let before = old.first { $0.role == role }
            let after = new.first { $0.role == role }
            guard before?.sha256 != after?.sha256 else { continue }
            notices.append(
                "the \(role) data differs from the report's: sha256 \(before.map { String($0.sha256.prefix(12)) } ?? "(none)") "
                    + "(\(before?.path ?? "not loaded")) in the report, \(after.map { String($0.sha256.prefix(12)) } ?? "(none)") "
                    + "(\(after?.path ?? "not loaded")) now; check on the report's data (--data) or render again")
        }
        return notices
    }
}
