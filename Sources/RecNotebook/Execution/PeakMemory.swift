import Foundation

/// The process's peak resident memory, measured per cell. Like wall time it describes the run,
/// not the results, and `check` never compares it.
///
/// On Linux the kernel's high-water mark (`VmHWM` in /proc/self/status) is reset before each
/// cell by writing `5` to /proc/self/clear_refs, so the reading after the cell is that cell's own
/// peak. Where the reset is not possible (other systems, restricted /proc) the reading is the
/// process's peak so far (getrusage), which is an upper bound.
enum PeakMemory {
    /// Starts a new measurement; `true` when the peak could be reset.
    @discardableResult
    static func reset() -> Bool {
        #if os(Linux)
            guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
            defer { try? handle.close() }
            return (try? handle.write(contentsOf: Data("5".utf8))) != nil
        #else
            return false
        #endif
    }

    /// Peak resident bytes since the last `reset()` (or since the process started).
    static func peakBytes() -> Int? {
        #if os(Linux)
            if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
            {
                return kilobytes * 1024
            }
        #endif
        var usage = rusage()
        #if os(Linux)
            guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
            return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #else
            guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
            return Int(usage.ru_maxrss)  // bytes on Darwin
        #endif
    }
}
