import Foundation
import Testing

@testable import RecNotebook

@Suite struct NotebookWatcherTests {
    /// Runs the watcher on its own thread (it blocks while it polls), so that the test's
    /// cooperative threads stay free; returns a function that waits for its result.
    static func watchInBackground(_ path: String, maxRenders: Int?, stop: StopFlag, render: @escaping @Sendable () -> Void)
        -> @Sendable () -> Int
    {
        let result = ResultBox()
        let thread = Thread {
            result.set(NotebookWatcher.watch(path, every: .milliseconds(20), maxRenders: maxRenders, stop: stop, render: render))
        }
        thread.start()
        return { result.wait() }
    }

    @Test func rendersOnceThenAgainAfterASave() throws {
        let path = try RunnerFixtures.folder() + "/watched.md"
        try RunnerFixtures.write("# one\n", to: path)
        let renders = Counter()
        let wait = Self.watchInBackground(path, maxRenders: 2, stop: StopFlag()) { renders.increment("r") }
        while renders.value("r") < 1 { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.15)
        #expect(renders.value("r") == 1, "no render without a save")
        try RunnerFixtures.write("# two, longer\n", to: path)
        #expect(wait() == 2)
    }

    @Test func stopsWhenTheFlagIsSet() throws {
        let path = try RunnerFixtures.folder() + "/watched.md"
        try RunnerFixtures.write("# one\n", to: path)
        let stop = StopFlag()
        let wait = Self.watchInBackground(path, maxRenders: nil, stop: stop) {}
        Thread.sleep(forTimeInterval: 0.1)
        stop.stop()
        #expect(wait() == 1)
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

    func wait() -> Int {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
