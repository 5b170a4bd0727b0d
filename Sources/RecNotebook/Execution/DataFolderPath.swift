import Foundation

/// Resolves a file name a notebook gives (`load ratings=...`) against the data folder and keeps
/// it there: a notebook written by someone else must not read `/etc/passwd` or `~/.ssh` into a
/// report by naming `../../..` paths, absolute paths or symbolic links that lead out of `--data`.
/// `--allow-outside-data` turns the check off for a user who means it.
///
/// Containment is decided on real paths: every existing component, the data folder's included,
/// is resolved with `realpath(3)`, so a symbolic link is judged by where it leads; components that
/// do not exist yet (a missing file that `synth=` will stand in for) cannot be links and are
/// normalised lexically.
enum DataFolderPath {
    /// The path to open for `name`, or a message saying why it is refused.
    static func resolve(_ name: String, in folder: String, allowOutside: Bool) -> Result<String, Refusal> {
        let joined = LoadVerb.resolve(name, in: folder)
        if allowOutside { return .success(joined) }
        let realFolder = canonical(folder.isEmpty ? "." : folder)
        let realFile = canonical(joined)
        let prefix = realFolder.hasSuffix("/") ? realFolder : realFolder + "/"
        guard realFile.hasPrefix(prefix) else {
            return .failure(Refusal(name: name, folder: folder, realPath: realFile))
        }
        return .success(joined)
    }

    /// Why a path was refused, said so that the user knows both ways out.
    struct Refusal: Error, CustomStringConvertible {
        var name: String
        var folder: String
        var realPath: String

        var description: String {
            "`\(name)` resolves to \(realPath), outside the data folder \(folder) (--data); recbook only reads "
                + "files inside --data. Move the file into \(folder), point --data at its folder, or pass "
                + "--allow-outside-data to read it anyway."
        }
    }

    /// `path` made absolute, with its longest existing prefix resolved by `realpath(3)` and the
    /// rest (which cannot contain links, because it does not exist) normalised lexically.
    static func canonical(_ path: String) -> String {
        let absolute =
            path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var rest: [String] = []
        while true {
            let candidate = "/" + existing.joined(separator: "/")
            if let real = realPath(candidate) {
                return normalise(real, appending: rest)
            }
            guard let last = existing.popLast() else { return normalise("/", appending: rest) }
            rest.insert(last, at: 0)
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func normalise(_ base: String, appending components: [String]) -> String {
        var parts = base.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for component in components {
            switch component {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
