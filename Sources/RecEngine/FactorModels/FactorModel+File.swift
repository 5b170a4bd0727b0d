import Foundation

/// Saved factor models.
///
/// Format `recbook.factor-model`, version 2: one line of UTF-8 JSON, a `\n`, then a binary blob.
///
/// - Header keys: `format` ("recbook.factor-model"), `version` (2), `config` (the
///   `FactorModelConfig` as JSON), `users`, `movies`, `parameterCount`, `history`, and
///   `trainedOn` (a `TrainingRecord`: the data, the split and a digest of the training rows),
///   absent when the writer did not know them.
/// - Blob: `parameterCount` little-endian IEEE-754 Float32 values in `FactorLayout` order
///   (user factors, movie factors, user biases, movie biases, global bias, hidden weights
///   (2k+2) × units row-major, hidden biases, output weights, output bias), then one byte per
///   user and one per movie, 1 when it had a training rating, else 0.
///
/// Version 1 is version 2 without `trainedOn`; it is read, and says it records no training data.
/// The version went up because a reader that ignores `trainedOn` would score a model on rows it
/// learnt from without a word: an older recbook should refuse these files, not misread them.
///
/// A reader refuses other formats, newer versions, and blobs whose length does not match.
extension FactorModel {
    public static let fileFormat = "recbook.factor-model"
    public static let fileVersion = 2

    struct FileHeader: Codable {
        var format: String
        var version: Int
        var config: FactorModelConfig
        var users: Int
        var movies: Int
        var parameterCount: Int
        var history: TrainingHistory
        var trainedOn: TrainingRecord?
    }

    /// A model file's content: the model, what it was trained on (`nil` when the file does not
    /// say), and the format version it was written in.
    public struct SavedFile: Sendable {
        public var model: FactorModel
        public var trainedOn: TrainingRecord?
        public var version: Int
    }

    /// The model as bytes in the format above, with what it was trained on when known.
    public func encoded(trainedOn: TrainingRecord? = nil) -> Data {
        let header = FileHeader(
            format: Self.fileFormat, version: Self.fileVersion, config: config, users: layout.users, movies: layout.movies,
            parameterCount: parameters.count, history: history, trainedOn: trainedOn)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain Codable values with finite numbers cannot fail.
        var data = (try? encoder.encode(header)) ?? Data()
        data.append(0x0A)
        data.reserveCapacity(data.count + 4 * parameters.count + seenUsers.count + seenMovies.count)
        // One copy of the whole buffer: appending value by value took longer than the fit of
        // a small model, and a cached render restores every model from these bytes.
        data.append(PackedBytes.data(parameters.map { $0.bitPattern.littleEndian }))
        data.append(contentsOf: seenUsers.map { $0 ? 1 : 0 })
        data.append(contentsOf: seenMovies.map { $0 ? 1 : 0 })
        return data
    }

    /// Reads bytes written by `encoded()`; `path` only names the source in errors.
    public static func decode(_ data: Data, path: String) throws(ModelFileError) -> FactorModel {
        try decodeFile(data, path: path).model
    }

    /// Reads bytes written by `encoded(trainedOn:)`, with the header's record and version.
    public static func decodeFile(_ data: Data, path: String) throws(ModelFileError) -> SavedFile {
        guard let newline = data.firstIndex(of: 0x0A) else {
            throw ModelFileError(path: path, "not a recbook model file (no header line); save it again with recbook")
        }
        let header: FileHeader
        do {
            header = try JSONDecoder().decode(FileHeader.self, from: data[data.startIndex..<newline])
        } catch {
            throw ModelFileError(path: path, "the header is not a recbook model header (\(error)); save the model again")
        }
        guard header.format == fileFormat else {
            throw ModelFileError(path: path, "format is `\(header.format)`, expected `\(fileFormat)`")
        }
        guard header.version <= fileVersion else {
            throw ModelFileError(
                path: path, "format version \(header.version) is newer than this recbook reads (\(fileVersion)); upgrade recbook")
        }
        let config = header.config
        guard (try? config.validate()) != nil, header.users >= 0, header.movies >= 0 else {
            throw ModelFileError(path: path, "the header's settings are out of range; the file is damaged")
        }
        let layout = FactorLayout(
            kind: config.kind, users: header.users, movies: header.movies, factors: config.factors,
            hiddenUnits: config.hiddenUnits)
        let blob = data[(newline + 1)...]
        let expected = 4 * layout.count + header.users + header.movies
        guard layout.count == header.parameterCount, blob.count == expected else {
            throw ModelFileError(
                path: path, "expected \(expected) bytes of parameters, found \(blob.count); the file is truncated or damaged")
        }
        var cursor = blob.startIndex + 4 * layout.count
        // The sizes were checked above, so the bytes hold exactly `layout.count` values.
        let bits = PackedBytes.array(UInt32.self, count: layout.count, from: blob[blob.startIndex..<cursor]) ?? []
        let parameters = bits.map { Float(bitPattern: UInt32(littleEndian: $0)) }
        let seenUsers = [UInt8](blob[cursor..<cursor + header.users]).map { $0 != 0 }
        cursor += header.users
        let seenMovies = [UInt8](blob[cursor..<cursor + header.movies]).map { $0 != 0 }
        let model = FactorModel(
            config: config, layout: layout, parameters: parameters, seenUsers: seenUsers, seenMovies: seenMovies,
            history: header.history)
        return SavedFile(model: model, trainedOn: header.trainedOn, version: header.version)
    }

    public func save(to path: String) throws(ModelFileError) {
        do {
            try encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ModelFileError(path: path, "could not write the model: \(error.localizedDescription)")
        }
    }

    public static func load(from path: String) throws(ModelFileError) -> FactorModel {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ModelFileError(path: path, "could not read the model: \(error.localizedDescription)")
        }
        return try decode(data, path: path)
    }
}
