import Foundation
import Testing

@testable import RecNotebook

@Suite struct NotebookWatcherTests {
    /// Generous: a loaded CI machine may take seconds to start a thread; a correct watcher never
    /// waits this long, a broken one fails the test instead of hanging it.
    static let patience: TimeInterval = 30

    /// Runs the watcher on its own thread (it blocks while it polls), so that the test's
    /// cooperative threads stay free; returns a function that waits for its result (`nil` if it
    /// did not return within `patience`).
    static func watchInBackground(_ path: String, maxRenders: Int?, stop: StopFlag, render: @escaping @Sendable () -> Void)
        -> @Sendable () -> Int?
    {
        let result = ResultBox()
        let thread = Thread {
            result.set(NotebookWatcher.watch(path, every: .milliseconds(20), maxRenders: maxRenders, stop: stop, render: render))
        }
        thread.start()
        return { result.wait(seconds: patience) }
    }

    /// Polls `condition` until it holds or `patience` runs out; says whether it held.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(patience)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return true
    }

    @Test func rendersOnceThenAgainAfterASave() throws {
        let path = try RunnerFixtures.folder() + "/watched.md"
        try RunnerFixtures.write("# one\n", to: path)
        let versions = TextLog()
        let wait = Self.watchInBackground(path, maxRenders: 2, stop: StopFlag()) {
            versions.append((try? String(contentsOfFile: path, encoding: .utf8)) ?? "unreadable")
        }
        try #require(Self.eventually { versions.count >= 1 }, "no first render")
        // A window in which a render without a save would show; it cannot fail a right watcher.
        Thread.sleep(forTimeInterval: 0.15)
        try RunnerFixtures.write("# two, longer\n", to: path)
        #expect(wait() == 2)
        #expect(versions.values == ["# one\n", "# two, longer\n"], "one render per saved version")
    }

    /// `preview FOLDER`: the first render takes every notebook, a later one only the saved one.
    @Test func severalNotebooksRenderOnlyTheSavedOneAgain() throws {
        let folder = try RunnerFixtures.folder()
        let paths = [folder + "/a.md", folder + "/b.md"]
        for path in paths { try RunnerFixtures.write("# one\n", to: path) }
        let renders = TextLog()
        let result = ResultBox()
        Thread {
            result.set(
                NotebookWatcher.watch(paths, every: .milliseconds(20), maxRenders: 2, stop: StopFlag()) { changed in
                    renders.append(changed.map { ($0 as NSString).lastPathComponent }.joined(separator: " "))
                })
        }.start()
        try #require(Self.eventually { renders.count >= 1 }, "no first render")
        Thread.sleep(forTimeInterval: 0.15)
        try RunnerFixtures.write("# two, longer\n", to: paths[1])
        #expect(result.wait(seconds: Self.patience) == 2)
        #expect(renders.values == ["a.md b.md", "b.md"])
    }

    @Test func stopsWhenTheFlagIsSet() throws {
        let path = try RunnerFixtures.folder() + "/watched.md"
        try RunnerFixtures.write("# one\n", to: path)
        let stop = StopFlag()
        let renders = Counter()
        let wait = Self.watchInBackground(path, maxRenders: nil, stop: stop) { renders.increment("r") }
        try #require(Self.eventually { renders.value("r") == 1 }, "no first render")
        stop.stop()
        #expect(wait() == 1)
    }
}

/// Texts appended from one thread and read from another.
final class TextLog: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []

    var values: [String] { lock.withLock { texts } }
    var count: Int { lock.withLock { texts.count } }

    func append(_ text: String) {
        lock.withLock { texts.append(text) }
    }
}

/// A value handed from one thread to another.
final class ResultBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Int?

    func set(_ newValue: Int) {
        condition.lock()
        value = newValue
        condition.signal()
        condition.unlock()
    }

    /// The value, or `nil` if none came within `seconds`.
    func wait(seconds: TimeInterval) -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while value == nil {
            if !condition.wait(until: deadline) { break }
        }
        return value
    }
}
