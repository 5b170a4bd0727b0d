import Foundation

/// The JSON twin of a report page (`output/NAME.json`): every cell's line, source, typed
/// results and error. `check` and the index page read reports through it.
///
/// Numbers are stored raw (the full value, not the digits a page shows). NaN, inf and -inf are
/// the strings `"NaN"`, `"inf"` and `"-inf"`, spelled as the HTML and Markdown pages print them,
/// so the file stays valid JSON; a missing table cell (pandas' NaN) is `null`.
///
/// Rendered with `--no-timings`, a twin holds no run metadata (`seconds`, `peakMemoryMB`,
/// `cache`) and `null` for every value of a `seconds` table column; `timings.json` has them.
/// `check` never compares these, so it reads either kind of twin.
public struct ReportTwin: Sendable, Codable, Hashable {
    public static let currentFormat = "recbook-report/1"

    public var format: String
    public var notebook: String
    public var title: String?
    /// `ok` when every cell ran, else `failed`.
    public var status: String
    public var provenance: Provenance
    public var cells: [Cell]

    public struct Cell: Sendable, Codable, Hashable {
        public var number: Int
        public var line: Int
        public var source: String
        public var status: CellRun.Status
        /// Wall time; never compared. `nil` under `--no-timings`.
        public var seconds: Double?
        public var results: [Result]
        public var error: CellError?
        /// Peak resident memory while the cell ran, in MB; never compared.
        public var peakMemoryMB: Double?
        /// What the cache did for the cell; run metadata like the wall time, never compared.
        public var cache: [CacheEvent]?
    }

    public struct CellError: Sendable, Codable, Hashable {
        public var file: String
        public var line: Int
        public var message: String
    }

    /// One result: `kind` says which of the other fields are set.
    public struct Result: Sendable, Codable, Hashable {
        public var kind: String
        public var title: String?
        public var columns: [Column]?
        public var rows: [[JSONValue]]?
        public var omittedRows: Int?
        public var metrics: [String: Double]?
        public var labels: [String]?
        public var series: [Series]?
        public var xLabel: String?
        public var text: String?
    }

    public struct Column: Sendable, Codable, Hashable {
        public var name: String
        public var type: TableColumn.Kind
        public var precision: Int?
    }

    public struct Series: Sendable, Codable, Hashable {
        public var name: String
        /// `null` (read as nil) only in twins written before non-finite points were spelled out.
        public var values: [Double?]
    }

    /// A table cell: number, text or null (NaN).
    public enum JSONValue: Sendable, Codable, Hashable {
        case number(Double)
        case text(String)
        case null

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number): try container.encode(number)
            case .text(let text): try container.encode(text)
            case .null: try container.encodeNil()
            }
        }
    }
}

extension ReportTwin {
    /// - Parameter timings: `false` for `--no-timings`: no run metadata, timing values `null`.
    init(_ run: NotebookRun, timings: Bool = true) {
        format = Self.currentFormat
        notebook = run.document.file
        title = run.document.title
        status = run.succeeded ? "ok" : "failed"
        provenance = run.provenance
        cells = run.cells.map { cell in
            Cell(
                number: cell.cell.number, line: cell.cell.line, source: cell.cell.code, status: cell.status,
                seconds: timings ? Self.milliseconds(cell.seconds) : nil,
                results: cell.results.map { Result($0, timings: timings) },
                error: cell.error.map { CellError(file: $0.location.file, line: $0.location.line, message: $0.message) },
                peakMemoryMB: timings ? cell.peakMemoryBytes.map(Self.megabytes) : nil,
                cache: timings && !cell.cacheEvents.isEmpty ? cell.cacheEvents : nil)
        }
    }

    /// A wall time as the twin and `timings.json` store it: to the millisecond.
    static func milliseconds(_ seconds: Double) -> Double {
        (seconds * 1000).rounded() / 1000
    }

    /// A memory figure as the twin and `timings.json` store it: MB to one decimal.
    static func megabytes(_ bytes: Int) -> Double {
        (Double(bytes) / 1_048_576 * 10).rounded() / 10
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "NaN")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "NaN")
        return decoder
    }
}

extension ReportTwin.Result {
    init(_ result: CellResult, timings: Bool = true) {
        switch result {
        case .table(let table):
            self.init(kind: "table", title: table.title)
            columns = table.columns.map {
                ReportTwin.Column(
                    name: $0.name, type: $0.kind, precision: $0.kind == .decimal || $0.kind == .seconds ? $0.precision : nil)
            }
            rows = table.rows.map { row in
                row.indices.map { index in
                    let value = row[index]
                    if !timings, table.columns.indices.contains(index), table.columns[index].kind == .seconds { return .null }
                    switch value {
                    case .integer(let number): return .number(Double(number))
                    case .decimal(let number): return number.isNaN ? .null : .number(number)
                    case .text(let text): return .text(text)
                    case .missing: return .null
                    }
                }
            }
            omittedRows = table.omittedRows
        case .metrics(let list):
            self.init(kind: "metrics", title: list.title)
            metrics = Dictionary(list.metrics.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        case .barChart(let chart):
            self.init(kind: "bar-chart", title: chart.title)
            labels = chart.labels
            series = [ReportTwin.Series(name: chart.title, values: chart.values)]
        case .lineChart(let chart):
            self.init(kind: "line-chart", title: chart.title)
            xLabel = chart.xLabel
            series = chart.series.map { ReportTwin.Series(name: $0.name, values: $0.values) }
        case .note(let text):
            self.init(kind: "note")
            self.text = text
        case .file(let link):
            self.init(kind: "file", title: link.label)
            text = link.path
        }
    }

    init(kind: String, title: String? = nil) {
        self.kind = kind
        self.title = title
    }
}
