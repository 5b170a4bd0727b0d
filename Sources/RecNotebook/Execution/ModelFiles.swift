import Foundation
import RecEngine

/// Where `save` writes models and `restore` reads them, and how.
///
/// Saved models live in `models/` inside the output folder (`--out`), under a plain file name
/// the notebook gives: no `/`, not starting with `.`, so a notebook cannot write or read anything
/// outside that folder (`file=../../x`), cannot hide a file, and cannot name one like the
/// temporary files (`.NAME.PID.tmp`) that `AtomicFile` cleans up. The report sits in the output
/// folder too, so it links a saved model as `models/FILE`.
enum ModelFiles {
    static let folderName = "models"
    static let fileExtension = ".recmodel"

    /// The model as `save` writes it, or `nil` when its family cannot be saved
    /// (`ModelFamily.canBeSaved`). The families that can are `FactorModel`'s: its file format
    /// (`FactorModel+File.swift`) is the one documented and versioned.
    static func savable(_ model: FittedModel, family: ModelFamily) -> FactorModel? {
        guard family.canBeSaved, case .factor(let factors) = model else { return nil }
        return factors
    }

    /// A model file under the output folder: the path to open, and the path relative to the
    /// report that the page shows and links.
    struct Location {
        var path: String
        var relative: String
    }

    /// Whether `name` is a plain file name as described above.
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }

    /// `models/name` in the output folder, or an error naming the notebook line when the name is
    /// not plain or the run has no output folder; `key` is the option that gave the name.
    static func location(_ name: String, key: String, _ session: Session, _ invocation: Invocation) throws(NotebookError)
        -> Location
    {
        guard isPlain(name) else {
            throw invocation.fail(
                "\(key)=`\(name)` is not a plain file name: models are kept in the output folder's \(folderName)/, so the "
                    + "name must not be empty, contain `/` or start with `.`; write e.g. \(key)=model\(fileExtension)")
        }
        guard let output = session.context.outputFolder else {
            throw invocation.fail(
                "this run writes no report, so there is no output folder (--out) for `\(invocation.verb.name)` to keep "
                    + "models in; render the notebook with `recbook render`")
        }
        let folder = (output as NSString).appendingPathComponent(folderName)
        return Location(path: (folder as NSString).appendingPathComponent(name), relative: folderName + "/" + name)
    }

    /// Writes `data` to `location` as `AtomicFile` does (all or nothing), making `models/` first;
    /// `opener` is for tests that make the disk full.
    static func write(
        _ data: Data, to location: Location, _ invocation: Invocation, opener: AtomicFile.Opener = AtomicFile.createExclusively
    ) throws(NotebookError) {
        let folder = (location.path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw invocation.fail(
                "\(location.path): cannot write: \(folder) is a file, not a folder; move it away so that models can be saved")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw invocation.fail(
                "\(location.path): cannot write: the folder \(folder) cannot be made (\(ReportRenderer.posixReason(error)))")
        }
        AtomicFile.removeStaleTemporaries(in: folder)
        do throws(ReportError) {
            try AtomicFile.write(data, to: location.path, opener: opener)
        } catch {
            throw invocation.fail(error.description)
        }
    }

    /// What `save` and `restore` say about a model file's content: its shapes and its history,
    /// the same on every run (no byte counts: the file holds per-epoch wall times).
    static func facts(_ model: FactorModel) -> [Metric] {
        var metrics: [Metric] = [
            .count("parameters", model.parameters.count),
            .count("users", model.layout.users),
            .count("movies", model.layout.movies),
            .count("epochs in its history", model.history.epochs.count),
        ]
        if let last = model.history.epochs.last {
            metrics.append(Metric("final train MAE", last.trainMAE, precision: 4))
        }
        return metrics
    }

    /// The model saved at `path`, with what it was trained on and the file's SHA-256 (which
    /// keys results cached from the model), or an error naming the notebook
    /// line and the file: missing, unreadable, not a model file, damaged, or written by a newer
    /// recbook. `missingHint` says where such a file comes from.
    static func read(_ path: String, _ invocation: Invocation, missingHint: String) throws(NotebookError)
        -> (file: FactorModel.SavedFile, sha256: String)
    {
        let data: Data
        do throws(DataError) {
            data = try DataFile.read(path)
        } catch {
            if case .missingFile = error { throw invocation.fail("\(error); \(missingHint)") }
            throw invocation.fail(error.description)
        }
        do throws(ModelFileError) {
            return (try FactorModel.decodeFile(data, path: path), ContentDigest.sha256(data))
        } catch {
            throw invocation.fail(error.description)
        }
    }
}
