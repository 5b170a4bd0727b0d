import Crypto
import Foundation
import RecEngine

/// What a model learnt from, and the check that keeps a model off test rows it may have seen.
///
/// The check runs when a verb scores a model on the split (`evaluate`, `predictions`), not when
/// `restore` reads it: the split may come after the restore, a notebook may split again after
/// training, and `recommend` or `loss` need no split at all. Two records agree when the ratings
/// files have the same SHA-256 and the training rows the same digest; then the split's test rows
/// are exactly the rows the model did not see.
extension Session {
    /// The record of a model trained now on `table`: the session's ratings files, `split`
    /// (`nil` for all ratings; else the session's split, whose training rows `table` must be)
    /// and a digest of exactly the rows.
    func trainingRecord(_ table: RatingsTable, split: SplitState?) -> TrainingRecord {
        let files = sources.filter { $0.role == "ratings" }.map {
            TrainingRecord.Source(name: ($0.path as NSString).lastPathComponent, sha256: $0.sha256, rows: $0.rows)
        }
        let splitRecord = split.map { split in
            let isKFold = split.kind == "k-fold"
            return TrainingRecord.Split(
                kind: split.kind, seed: splitMasterSeed,
                testShare: Double(split.test.count) / Double(split.train.count + split.test.count),
                folds: isKFold ? split.folds.count : nil, fold: isKFold ? 1 : nil)
        }
        return TrainingRecord(
            sources: files, ratings: dataset?.ratings.count ?? table.count, split: splitRecord, trainingRows: table.count,
            trainingDigest: split == nil ? Self.digest(table) : splitDigest(table))
    }

    /// The digest of the split's training rows `train`, hashed once per split.
    private func splitDigest(_ train: RatingsTable) -> String {
        if let splitTrainingDigest { return splitTrainingDigest }
        let digest = Self.digest(train)
        splitTrainingDigest = digest
        return digest
    }

    /// SHA-256 of the rows' users, movies and ratings, column after column, in the machine's
    /// byte order (little-endian wherever recbook builds), hashed in place: this runs for every
    /// `train` and every scoring, on up to a million rows.
    static func digest(_ table: RatingsTable) -> String {
        var hasher = SHA256()
        table.forEachColumnBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The model `name` with the split to score it on. Refused, saying what differs and what to
    /// do, when the model may have been trained on the split's test rows: other data, another
    /// split, all ratings, or a restored file that does not say. With `allow-mismatch=true` on
    /// its `restore` it is allowed, with the warning every result of it must then carry.
    func requireModelOnSplit(_ name: String, _ invocation: Invocation) throws(NotebookError)
        -> (model: TrainedModel, split: SplitState, warning: String?)
    {
        let model = try requireModel(name, invocation)
        let split = try requireSplit(invocation)
        let current = trainingRecord(split.train, split: split)
        guard let mismatch = Self.mismatch(model, current) else {
            return (model, split, nil)
        }
        if model.allowsMismatch {
            return (
                model, split,
                "Warning: `\(name)` may have been trained on some of these test rows, so its scores may be too "
                    + "good (restored with allow-mismatch=true; \(mismatch))."
            )
        }
        let anyway = "or restore it with allow-mismatch=true to score it anyway, with a warning"
        let fix =
            switch (model.restoredFrom, model.record) {
            case (nil, let record?) where record.split == nil: "train it without on=all to score it on the split"
            case (nil, _): "train it again after this split"
            case (_, nil): "save the model again with this recbook, \(anyway)"
            case (_, let record?) where Self.sameData(record, current): "split the same way before scoring it, \(anyway)"
            case (_, _?): "load the same data and split it the same way before scoring it, \(anyway)"
            }
        throw invocation.fail(
            "`\(name)` cannot be scored on this split: \(mismatch); its test rows may be among the model's training rows. "
                + "To fix, \(fix)")
    }

    /// What differs between the model's record and the session's split, or `nil` when nothing.
    private static func mismatch(_ model: TrainedModel, _ current: TrainingRecord) -> String? {
        guard let record = model.record else {
            let file = model.restoredFrom ?? "its file"
            return "it was restored from \(file), which does not record the data and split it was trained on "
                + "(model files before format version 2 do not)"
        }
        let sameData = sameData(record, current)
        guard !sameData || record.trainingDigest != current.trainingDigest else { return nil }
        var text = "it was trained on \(describe(record)); this session has \(rows(current))"
        if !sameData {
            text += " of other data: \(files(current))"
        } else if rows(record) == rows(current) {
            text += " of the same files, but other ratings (a `replace` or `select` differs)"
        } else {
            text += " of the same data"
        }
        return text
    }

    private static func sameData(_ one: TrainingRecord, _ other: TrainingRecord) -> Bool {
        one.sources.map(\.sha256) == other.sources.map(\.sha256) && one.ratings == other.ratings
    }

    /// A record in words, e.g. `ratings.csv (sha256 ab12cd34ef56…, 100836 rows) with the
    /// holdout split seed 7 test 0.2 (80668 training rows)`.
    static func describe(_ record: TrainingRecord) -> String {
        "\(files(record)) with \(rows(record))"
    }

    private static func files(_ record: TrainingRecord) -> String {
        let files = record.sources.map { "\($0.name) (sha256 \($0.sha256.prefix(12))…, \(DisplayNumber.count($0.rows)) rows)" }
        return files.isEmpty ? "\(record.ratings) ratings" : files.joined(separator: " and ")
    }

    /// Which rows: `the holdout split seed 7 test 0.2 (80668 training rows)`, or all of them.
    private static func rows(_ record: TrainingRecord) -> String {
        guard let split = record.split else { return "all \(record.trainingRows) ratings (on=all, no split)" }
        let which =
            split.kind == "k-fold"
            ? "fold \(split.fold ?? 1) of \(split.folds ?? 0)"
            : "test \(DisplayNumber.shortest((split.testShare * 100).rounded() / 100))"
        return "the \(split.kind) split seed \(split.seed) \(which) (\(DisplayNumber.count(record.trainingRows)) training rows)"
    }
}
