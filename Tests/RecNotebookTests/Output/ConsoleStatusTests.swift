import Foundation
import Testing

@testable import RecNotebook

@Suite struct ConsoleStatusTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        var all: String { lock.withLock { text } }
        func append(_ more: String) { lock.withLock { text += more } }
    }

    @Test func plainLinesWhenNotATerminal() {
        let lines = Lines()
        let status = ConsoleStatus(interactive: false, write: { lines.append($0) })
        let run = RunnerFixtures.run(
            "```rec\nfit-stub name=console loss=0.5 epochs=20\n```\n", file: "nb/01-x.md", observer: status)
        #expect(run.succeeded)
        let text = lines.all
        #expect(!text.contains("\r"), "no cursor tricks in CI logs")
        let progress = text.split(separator: "\n").filter { $0.hasPrefix("  01-x.md cell 1: ") }
        #expect(progress.count == 11, "one line per 10%: \(progress)")
        #expect(progress.last?.hasPrefix("  01-x.md cell 1: 100% epoch 20/20 ETA 0s") == true)
        #expect(text.split(separator: "\n").last?.hasPrefix("01-x.md cell 1/1 line 1: ok (") == true)
    }

    @Test func aTerminalLineIsRedrawnInPlace() {
        let lines = Lines()
        let status = ConsoleStatus(interactive: true, write: { lines.append($0) })
        _ = RunnerFixtures.run("```rec\nfit-stub name=tty loss=0.5 epochs=2\n```\n", observer: status)
        #expect(lines.all.contains("\r\u{1B}[Ktest.md [1] [##########----------] 50% epoch 1/2 ETA "))
        #expect(lines.all.hasSuffix("\n"))
    }

    @Test func durationsReadShort() {
        #expect(ConsoleStatus.duration(42.4) == "42s")
        #expect(ConsoleStatus.duration(185) == "3m05s")
        #expect(ConsoleStatus.duration(3720) == "1h02m")
    }

    @Test func eachCellRecordsItsPeakMemory() {
        let run = RunnerFixtures.run("```rec\nseed 1\n```\n")
        #expect((run.cells[0].peakMemoryBytes ?? 0) > 1_000_000)
    }
}
