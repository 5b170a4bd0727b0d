import Foundation

/// `timings.json` in the output folder: what `--no-timings` keeps out of the pages and JSON
/// twins. For each report, by the name its twin has (`01-data-exploration` for
/// `01-data-exploration.json`): every cell's wall time, peak memory and cache use, and the
/// values of its tables' timing columns, which the pages then show as `—`.
///
/// A render replaces its own notebook's entry and keeps the others', so rendering one notebook
/// of a book does not drop the rest. Keys are sorted, so the file changes only where a figure did.
struct TimingsFile: Codable, Hashable, Sendable {
    static let currentFormat = "recbook-timings/1"
    static let fileName = "timings.json"

    var format = Self.currentFormat
    var reports: [String: Report] = [:]

    struct Report: Codable, Hashable, Sendable {
        /// The notebook as the render named it (the twin's `notebook`).
        var notebook: String
        var cells: [Cell]
    }

    struct Cell: Codable, Hashable, Sendable {
        var number: Int
        var line: Int
        var status: CellRun.Status
        /// Wall time in seconds, to the millisecond; `nil` for a cell that did not run.
        var seconds: Double?
        /// Peak resident memory while the cell ran, in MB to one decimal.
        var peakMemoryMB: Double?
        /// What the cache did (`hit` is `true` for a value read from the cache).
        var cache: [CacheEvent]?
        /// The cell's timing table columns.
        var timedColumns: [TimedColumn]?
    }

    /// One `seconds` column of a result table.
    struct TimedColumn: Codable, Hashable, Sendable {
        /// The table's 1-based position among the cell's results.
        var result: Int
        var title: String
        var column: String
        /// One value per row, in seconds; `nil` where the table has none.
        var values: [Double?]
    }
}

extension TimingsFile.Report {
    init(_ run: NotebookRun) {
        notebook = run.document.file
        cells = run.cells.map { cell in
            var timed: [TimingsFile.TimedColumn] = []
            for (index, result) in cell.results.enumerated() {
                guard case .table(let table) = result else { continue }
                for (column, spec) in table.columns.enumerated() where spec.kind == .seconds {
                    let values = table.rows.map { row -> Double? in
                        guard column < row.count else { return nil }
                        switch row[column] {
                        case .decimal(let value): return value.isFinite ? value : nil
                        case .integer(let value): return Double(value)
                        case .text, .missing: return nil
                        }
                    }
                    timed.append(.init(result: index + 1, title: table.title, column: spec.name, values: values))
                }
            }
            let ran = cell.status != .notRun
            return TimingsFile.Cell(
                number: cell.cell.number, line: cell.cell.line, status: cell.status,
                seconds: ran ? ReportTwin.milliseconds(cell.seconds) : nil,
                peakMemoryMB: cell.peakMemoryBytes.map(ReportTwin.megabytes),
                cache: cell.cacheEvents.isEmpty ? nil : cell.cacheEvents, timedColumns: timed.isEmpty ? nil : timed)
        }
    }
}

extension TimingsFile {
    /// Whether `data` is a timings file (and not, say, the JSON twin of a notebook `timings.md`).
    static func holdsTimings(_ data: Data) -> Bool {
        (try? JSONDecoder().decode(FormatOnly.self, from: data))?.format == currentFormat
    }

    private struct FormatOnly: Decodable {
        var format: String
    }

    /// Puts `report` under `name` in `folder`'s timings file, keeping the other reports' entries,
    /// and writes the file atomically. A file that cannot be read as timings is started afresh:
    /// it never held a result, only figures the next render measures again.
    static func merge(_ report: Report, as name: String, into folder: String) throws(ReportError) {
        let path = (folder as NSString).appendingPathComponent(fileName)
        var file = TimingsFile()
        if let data = FileManager.default.contents(atPath: path),
            let existing = try? ReportTwin.decoder().decode(TimingsFile.self, from: data),
            existing.format == currentFormat
        {
            file = existing
        }
        file.reports[name] = report
        let data: Data
        do {
            data = try ReportTwin.encoder().encode(file) + Data("\n".utf8)
        } catch {
            throw .cannotWrite(path: path, reason: "the timings could not be encoded: \(error)")
        }
        try AtomicFile.write(data, to: path)
    }
}
