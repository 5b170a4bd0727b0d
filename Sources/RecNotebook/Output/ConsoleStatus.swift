import Foundation

/// Tells the person at the terminal what a run is doing, on standard error.
///
/// On a terminal one status line is redrawn in place while a cell runs (with a progress bar and
/// the time left when a verb reports progress), then replaced by the cell's final line. When
/// standard error is not a terminal (CI logs) it writes plain lines instead: one per cell, and a
/// progress line at most every 10%.
public final class ConsoleStatus: RunObserver, @unchecked Sendable {
    private let lock = NSLock()
    private let interactive: Bool
    private let write: @Sendable (String) -> Void
    private var lastPlainDecile = -1

    /// `interactive: nil` asks the system whether standard error is a terminal.
    public init(interactive: Bool? = nil, write: (@Sendable (String) -> Void)? = nil) {
        self.interactive = interactive ?? (isatty(STDERR_FILENO) != 0)
        self.write = write ?? { FileHandle.standardError.write(Data($0.utf8)) }
    }

    public func cellStarted(_ cell: CellSource, of total: Int, in notebook: String) {
        lock.withLock {
            lastPlainDecile = -1
            if interactive { write("\r\u{1B}[K\(prefix(notebook, cell.number, total)) line \(cell.line): running…") }
        }
    }

    public func progress(_ update: ProgressUpdate) {
        lock.withLock {
            let percent = Int((update.fraction * 100).rounded(.down))
            let eta = update.remaining.map { " ETA \(Self.duration($0))" } ?? ""
            if interactive {
                write(
                    "\r\u{1B}[K\(Self.name(update.notebook)) [\(update.cell)] \(Self.bar(update.fraction)) \(percent)% \(update.detail)\(eta)"
                )
            } else if percent / 10 > lastPlainDecile {
                lastPlainDecile = percent / 10
                write("  \(Self.name(update.notebook)) cell \(update.cell): \(percent)% \(update.detail)\(eta)\n")
            }
        }
    }

    public func cellFinished(_ run: CellRun, of total: Int, in notebook: String) {
        lock.withLock {
            let state: String
            switch run.status {
            case .ok: state = "ok"
            case .failed: state = "FAILED"
            case .notRun: state = "not run"
            }
            let detail = run.status == .notRun ? "" : " (\(RunMetadataText.summary(run)))"
            write(
                "\(interactive ? "\r\u{1B}[K" : "")\(prefix(notebook, run.cell.number, total)) line \(run.cell.line): \(state)\(detail)\n"
            )
        }
    }

    private func prefix(_ notebook: String, _ number: Int, _ total: Int) -> String {
        "\(Self.name(notebook)) cell \(number)/\(total)"
    }

    private static func name(_ notebook: String) -> String {
        (notebook as NSString).lastPathComponent
    }

    static func bar(_ fraction: Double, width: Int = 20) -> String {
        let filled = Int((fraction * Double(width)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    /// `42s`, `3m05s`, `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m\(String(format: "%02d", whole % 60))s" }
        return "\(whole / 3600)h\(String(format: "%02d", whole % 3600 / 60))m"
    }
}
