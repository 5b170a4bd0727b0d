import Crypto
import Foundation

/// SHA-256 of data files for provenance headers (and, later, cache keys).
enum ContentDigest {
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
