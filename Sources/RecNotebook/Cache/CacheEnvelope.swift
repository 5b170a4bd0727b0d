import Foundation

/// How a cache entry sits on disk: one line of JSON naming the format, the slot, the inputs
/// and the payload's length and SHA-256, then the payload's bytes. Anything that does not
/// parse, names another format or slot, or whose payload does not hash to the recorded digest
/// is dropped and recomputed, never trusted.
struct CacheEnvelope: Codable, Equatable {
    static let currentFormat = "recbook-cache/1"

    var format: String
    var slot: String
    var inputs: CacheInputs
    var payloadBytes: Int
    var payloadSHA256: String

    func encoded(with payload: Data) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var file = try encoder.encode(self)
        file.append(0x0A)
        file.append(payload)
        return file
    }

    enum Decoded {
        case entry(CacheEnvelope, payload: Data)
        case corrupt
        case foreign
    }

    /// Splits a file into its header and a payload that matches the header's digest.
    static func decode(_ file: Data, slot: String) -> Decoded {
        guard let newline = file.firstIndex(of: 0x0A),
            let header = try? JSONDecoder().decode(CacheEnvelope.self, from: file[file.startIndex..<newline])
        else { return .corrupt }
        guard header.format == currentFormat, header.slot == slot else { return .foreign }
        let payload = file[(newline + 1)...]
        guard payload.count == header.payloadBytes, ContentDigest.sha256(Data(payload)) == header.payloadSHA256 else {
            return .corrupt
        }
        return .entry(header, payload: Data(payload))
    }
}
