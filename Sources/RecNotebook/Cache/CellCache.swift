import Foundation

/// The on-disk cache of expensive cell computations (`--cache DIR`, default `.recbook-cache/`).
///
/// One entry per slot (notebook, cell, directive, name): a later computation in the same slot
/// replaces the entry, so the folder stays as large as one run's worth of results, and a miss
/// can say which input changed. Entries are written atomically (temporary file, then rename).
public final class CellCache: Sendable {
    public let folder: String

    /// Opens the cache in `folder`, removing what killed runs left half-written there (their
    /// `.NAME.PID.tmp` files; entries themselves are only ever renamed into place whole).
    public init(folder: String) {
        self.folder = folder
        // Another cache of this process may be writing to the same folder on another thread.
        AtomicFile.removeStaleTemporaries(in: folder, ownAreStale: false)
    }

    enum Lookup: Equatable {
        /// The payload and its SHA-256 (checked against the bytes on the way in).
        case hit(Data, sha256: String)
        case miss(CacheEvent.Reason)
    }

    /// The payload stored for `slot` if it was computed from `inputs`. A corrupt or foreign
    /// entry is deleted on the way.
    func lookup(slot: String, inputs: CacheInputs) -> Lookup {
        let path = self.path(for: slot)
        guard let file = FileManager.default.contents(atPath: path) else { return .miss(.noEntry) }
        switch CacheEnvelope.decode(file, slot: slot) {
        case .corrupt:
            try? FileManager.default.removeItem(atPath: path)
            return .miss(.corruptEntry)
        case .foreign:
            try? FileManager.default.removeItem(atPath: path)
            return .miss(.foreignEntry)
        case .entry(let envelope, let payload):
            if let change = inputs.change(from: envelope.inputs) { return .miss(change) }
            return .hit(payload, sha256: envelope.payloadSHA256)
        }
    }

    /// Saves `payload` as the entry for `slot`, replacing any older one; returns its SHA-256.
    @discardableResult
    func store(slot: String, inputs: CacheInputs, payload: Data) throws(ReportError) -> String {
        let sha256 = ContentDigest.sha256(payload)
        let envelope = CacheEnvelope(
            format: CacheEnvelope.currentFormat, slot: slot, inputs: inputs, payloadBytes: payload.count, payloadSHA256: sha256)
        let file: Data
        do {
            file = try envelope.encoded(with: payload)
        } catch {
            throw .cannotWrite(path: path(for: slot), reason: "the cache header could not be encoded: \(error)")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: folder, reason: (error as NSError).localizedDescription)
        }
        try AtomicFile.write(file, to: path(for: slot))
        return sha256
    }

    /// Entry files are named by the slot's hash, so any notebook name is a safe file name.
    func path(for slot: String) -> String {
        (folder as NSString).appendingPathComponent(String(ContentDigest.sha256(Data(slot.utf8)).prefix(32)) + ".entry")
    }
}
