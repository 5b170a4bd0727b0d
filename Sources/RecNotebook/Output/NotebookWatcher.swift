import Foundation

/// `recbook watch`: renders a notebook, then renders it again each time the file is saved, until
/// stopped. Polls the file's modification time and size (portable, and cheap at a few checks a
/// second); an editor's save-by-rename is seen like any other write.
public enum NotebookWatcher {
    /// Calls `render` once, then after every change to `path`, until `stop` is set or `maxRenders`
    /// renders have been done (a bound for tests). Returns how many renders were done.
    @discardableResult
    public static func watch(
        _ path: String, every interval: Duration = .milliseconds(300), maxRenders: Int? = nil, stop: StopFlag,
        render: () -> Void
    ) -> Int {
        var renders = 0
        var seen = stamp(path)
        while !stop.isSet {
            render()
            renders += 1
            if let maxRenders, renders >= maxRenders { break }
            // Wait for a save, checking the stop flag often so Ctrl-C ends the wait at once.
            while !stop.isSet {
                Thread.sleep(forTimeInterval: 0.05)
                let now = stamp(path)
                guard now != nil, now != seen else { continue }
                // Let the editor finish writing before reading the file.
                Thread.sleep(forTimeInterval: interval.seconds)
                seen = stamp(path)
                break
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
