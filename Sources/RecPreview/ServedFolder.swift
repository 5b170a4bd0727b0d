import Foundation

/// The one folder `recbook preview` serves, and the only way a request path becomes a file.
///
/// A path is served only when it names a regular file whose real path (every link followed) lies
/// inside the folder's real path: `..` (decoded from `%2e%2e` or not), absolute paths, links
/// leading out and hidden names (a render's `.NAME.PID.tmp` files among them) are refused. A
/// folder is never listed: it serves its `index.html` if it has one.
public struct ServedFolder: Sendable {
    /// The folder's real path.
    public let root: String

    /// `nil` when `folder` does not exist or is not a folder.
    public init?(_ folder: String) {
        guard let real = Self.realPath(folder), Self.isDirectory(real) else { return nil }
        root = real
    }

    /// The real path of the file to send for `requestPath` (already percent-decoded, as
    /// `/report.html` or `/`), or `nil` for "not found".
    public func file(for requestPath: String) -> String? {
        guard !requestPath.contains("\0"), !requestPath.contains("\\") else { return nil }
        let parts = requestPath.split(separator: "/", omittingEmptySubsequences: true)
        // Checked on the decoded parts, before the file system sees them; the real-path check
        // below is the second line, for links.
        guard parts.allSatisfy({ !$0.hasPrefix(".") }) else { return nil }
        var candidate = parts.reduce(root) { ($0 as NSString).appendingPathComponent(String($1)) }
        guard var real = contained(candidate) else { return nil }
        if Self.isDirectory(real) {
            candidate = (real as NSString).appendingPathComponent("index.html")
            guard let index = contained(candidate) else { return nil }
            real = index
        }
        return Self.isRegularFile(real) ? real : nil
    }

    /// The real path of `path` when it exists inside the root, else `nil`.
    private func contained(_ path: String) -> String? {
        guard let real = Self.realPath(path) else { return nil }
        return real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") ? real : nil
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
