import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a reader sees the old content or the new, never half of either: the
/// bytes go to a temporary file `.NAME.PID.tmp` in the same folder, which is then renamed over
/// the target. On any failure (a full disk, a folder that is not one) the temporary file is
/// removed and the target is left as it was.
enum AtomicFile {
    /// Opens the temporary file for writing and returns its descriptor, or -1 with `errno` set.
    /// Tests swap it to make writes fail the way a full disk does (see `FaultTests`).
    typealias Opener = @Sendable (_ path: String) -> Int32

    /// Creates the file afresh: `O_EXCL` and `O_NOFOLLOW` so that a link planted under the
    /// temporary name cannot redirect the write.
    static let createExclusively: Opener = { path in
        open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    }

    static func write(_ data: Data, to path: String, opener: Opener = createExclusively) throws(ReportError) {
        let temporary = temporaryPath(for: path, pid: getpid())
        // A file under our own name can only be left by a killed process that had our PID.
        unlink(temporary)
        let descriptor = opener(temporary)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        var failure = writeAll(data, to: descriptor)
        // fsync before rename: after a crash the new name must not point at unwritten blocks.
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: String(cString: strerror(failure)))
        }
    }

    /// `.NAME.PID.tmp` beside `path`.
    static func temporaryPath(for path: String, pid: pid_t) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ".\((path as NSString).lastPathComponent).\(pid).tmp"
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// Writes every byte, retrying short writes and interrupts; the `errno` of a failure, or nil.
    /// A short write leaves the rest to copy, which a report (kilobytes) never notices.
    private static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        var remaining = [UInt8](data)
        while !remaining.isEmpty {
            let written = posixWrite(descriptor, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            remaining.removeFirst(written)
        }
        return nil
    }

    /// Removes temporary files that a killed render left in `folder`: those of processes that
    /// no longer run, and those older than the process now holding their PID (the PID was
    /// reused). A live render's file is kept. Files under this process's own PID are a dead
    /// namesake's when the caller's writes to the folder have all finished (`ownAreStale`); a
    /// caller whose threads may be writing there now passes false. Returns the names removed.
    @discardableResult
    static func removeStaleTemporaries(in folder: String, now ownPID: pid_t = getpid(), ownAreStale: Bool = true)
        -> [String]
    {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names {
            guard let pid = temporaryOwner(name) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG || (info.st_mode & S_IFMT) == S_IFLNK else {
                continue
            }
            let stale: Bool
            if pid == ownPID {
                stale = ownAreStale
            } else if kill(pid, 0) != 0 && errno == ESRCH {
                stale = true
            } else if let started = ProcessStart.seconds(of: pid) {
                stale = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9 < started - 1
            } else {
                stale = false
            }
            if stale, unlink(path) == 0 { removed.append(name) }
        }
        return removed.sorted()
    }

    /// The PID in a `.NAME.PID.tmp` name, or nil for any other name.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, let pid = pid_t(parts[parts.count - 1]), pid > 0 else { return nil }
        return pid
    }
}

/// write(2) of all of `bytes`, under a name `AtomicFile.write` does not shadow; the count
/// written, or -1 with `errno` set.
private func posixWrite(_ descriptor: Int32, _ bytes: [UInt8]) -> Int {
    write(descriptor, bytes, bytes.count)
}
