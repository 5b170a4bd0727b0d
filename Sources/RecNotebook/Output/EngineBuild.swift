import Foundation

/// Identifies the running build of recbook for cache keys: the executable's size and
/// modification time. A rebuild after any change to the engine (a model default, a bug fix)
/// therefore recomputes cached cells even when `EngineVersion.current` was not bumped; the cost
/// is one recomputation after every rebuild, never a stale result.
enum EngineBuild {
    static let fingerprint: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "unknown build" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "build \(size)-\(Int64(modified * 1000))"
    }()
}
