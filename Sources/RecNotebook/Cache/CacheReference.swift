import Foundation

/// A second way to find a cached value: by what it was computed from rather than by the cell
/// that computed it. Notebooks 05 and 06 both fit `svd` with the same settings on the same
/// training rows; the second finds the first's entry through this reference instead of fitting
/// again.
///
/// The reference is a small entry of its own (slot `same as SHA`, named by the hash of the
/// `content` key) that points at the slot holding the value and the SHA-256 the value had when
/// it was stored. If that slot has since been recomputed to something else, the digests differ
/// and the reference is ignored, so it can never return another computation's value; the
/// values themselves stay one per cell slot.
struct CacheReference: Codable, Equatable {
    /// The cell slot whose entry holds the value.
    var slot: String
    /// The SHA-256 of the value's bytes in that entry.
    var payloadSHA256: String

    /// The slot a reference for `content` is stored under.
    static func slot(content: String) -> String {
        "same as " + ContentDigest.sha256(Data(content.utf8))
    }
}

extension CellCache {
    /// The value `content` names, if a whole entry with that content is still in the cache.
    func lookup(content: String, engine: String) -> (payload: Data, sha256: String, slot: String)? {
        let referenceSlot = CacheReference.slot(content: content)
        guard case .hit(let bytes, _) = lookup(slot: referenceSlot, inputs: Self.referenceInputs(content, engine)),
            let reference = try? JSONDecoder().decode(CacheReference.self, from: bytes),
            let file = FileManager.default.contents(atPath: path(for: reference.slot)),
            case .entry(let envelope, let payload) = CacheEnvelope.decode(file, slot: reference.slot),
            envelope.payloadSHA256 == reference.payloadSHA256
        else { return nil }
        return (payload, reference.payloadSHA256, reference.slot)
    }

    /// Records that the entry in `slot` (whose bytes hash to `sha256`) is the value of `content`.
    func storeReference(content: String, engine: String, slot: String, sha256: String) throws(ReportError) {
        let reference = CacheReference(slot: slot, payloadSHA256: sha256)
        guard let bytes = try? JSONEncoder().encode(reference) else { return }
        try store(slot: CacheReference.slot(content: content), inputs: Self.referenceInputs(content, engine), payload: bytes)
    }

    private static func referenceInputs(_ content: String, _ engine: String) -> CacheInputs {
        CacheInputs(engine: engine, data: [], parameters: [:], earlierCells: "", cell: "", extra: content)
    }
}
