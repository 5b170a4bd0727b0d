import Foundation

/// `recbook watch` and `recbook preview`: render notebooks, then render each again every time it
/// is saved, until stopped. Polls each file's modification time and size (portable, and cheap at
/// a few checks a second); an editor's save-by-rename is seen like any other write.
public enum NotebookWatcher {
    /// Calls `render` once, then after every change to `path`, until `stop` is set or `maxRenders`
    /// renders have been done (a bound for tests). Returns how many renders were done.
    @discardableResult
    public static func watch(
        _ path: String, every interval: Duration = .milliseconds(300), maxRenders: Int? = nil, stop: StopFlag,
        render: () -> Void
    ) -> Int {
        watch([path], every: interval, maxRenders: maxRenders, stop: stop) { _ in render() }
    }

    /// Calls `render` with every path once, then with the paths that changed each time some
    /// were saved, until `stop` is set or `maxRenders` renders have been done. Returns how many
    /// renders were done.
    @discardableResult
    public static func watch(
        _ paths: [String], every interval: Duration = .milliseconds(300), maxRenders: Int? = nil, stop: StopFlag,
        render: (_ changed: [String]) -> Void
    ) -> Int {
        var renders = 0
        var seen = paths.map(stamp)
        var changed = paths
        while !stop.isSet {
            render(changed)
            renders += 1
            if let maxRenders, renders >= maxRenders { break }
            // Wait for a save, checking the stop flag often so Ctrl-C ends the wait at once.
            while !stop.isSet {
                Thread.sleep(forTimeInterval: 0.05)
                let now = paths.map(stamp)
                guard zip(now, seen).contains(where: { $0 != nil && $0 != $1 }) else { continue }
                // Let the editor finish writing before reading the file.
                Thread.sleep(forTimeInterval: interval.seconds)
                let settled = paths.map(stamp)
                changed = paths.indices.filter { settled[$0] != seen[$0] && settled[$0] != nil }.map { paths[$0] }
                seen = settled
                if !changed.isEmpty { break }
            }
        }
        return renders
    }

    /// Modification time and size; `nil` while the file is missing (mid-save by some editors).
    static func stamp(_ path: String) -> [Double]? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return [modified.timeIntervalSince1970, (attributes[.size] as? NSNumber)?.doubleValue ?? 0]
    }
}
