/// What a directive produces: plain typed values, no formatting. The renderers turn them into
/// HTML, ASCII and JSON; `check` compares them.
public enum CellResult: Sendable, Hashable {
    case table(ResultTable)
    case metrics(MetricList)
    case barChart(BarChart)
    case lineChart(LineChart)
    /// A short sentence about what a directive did, e.g. how many ratings it replaced.
    case note(String)
    /// A file a directive wrote beside the report (a model from `save`), linked from the page.
    case file(FileLink)
}

/// A file written under the output folder, named by its path relative to the report, which is
/// where reports are written: `models/rsvd1.recmodel` is both what the page shows and the link.
public struct FileLink: Sendable, Hashable {
    /// What the file is, e.g. `Model file (recbook.factor-model, version 1)`.
    public var label: String
    public var path: String
}

/// A value in a result table.
public enum TableValue: Sendable, Hashable {
    case integer(Int)
    case decimal(Double)
    case text(String)
    /// pandas' NaN: shown as `NaN`, stored as `null`.
    case missing

    /// A decimal that becomes `missing` when it is NaN.
    public static func number(_ value: Double) -> TableValue {
        value.isNaN ? .missing : .decimal(value)
    }
}

public struct TableColumn: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case integer, decimal, text
        /// A wall time: shown like a decimal, but it describes the run, so `check` skips it and
        /// pages mark it as a timing.
        case seconds
    }

    public var name: String
    public var kind: Kind
    /// The fewest digits after the point for decimals; a value they do not write exactly (a
    /// MovieLens 0.5 in a whole-number rating column) shows more (see `DisplayNumber.value`).
    public var precision: Int

    public static func integer(_ name: String) -> TableColumn { TableColumn(name: name, kind: .integer, precision: 0) }
    public static func decimal(_ name: String, precision: Int) -> TableColumn {
        TableColumn(name: name, kind: .decimal, precision: precision)
    }
    public static func seconds(_ name: String, precision: Int = 2) -> TableColumn {
        TableColumn(name: name, kind: .seconds, precision: precision)
    }
    public static func text(_ name: String) -> TableColumn { TableColumn(name: name, kind: .text, precision: 0) }
}

public struct ResultTable: Sendable, Hashable {
    public var title: String
    public var columns: [TableColumn]
    public var rows: [[TableValue]]
    /// Rows left out of the display (the table is a head of something longer).
    public var omittedRows: Int

    public init(title: String, columns: [TableColumn], rows: [[TableValue]], omittedRows: Int = 0) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one value per column")
        self.title = title
        self.columns = columns
        self.rows = rows
        self.omittedRows = omittedRows
    }
}

public struct Metric: Sendable, Hashable {
    public var name: String
    public var value: Double
    /// The fewest digits after the point when shown: 0 shows 4 as `4` and 0.5 as `0.5` (see
    /// `DisplayNumber.value`).
    public var precision: Int

    public init(_ name: String, _ value: Double, precision: Int) {
        self.name = name
        self.value = value
        self.precision = precision
    }

    public static func count(_ name: String, _ value: Int) -> Metric { Metric(name, Double(value), precision: 0) }
}

public struct MetricList: Sendable, Hashable {
    public var title: String
    public var metrics: [Metric]
}

public struct BarChart: Sendable, Hashable {
    public var title: String
    public var labels: [String]
    public var values: [Double]
    /// The fewest digits after the point of each bar's value (see `DisplayNumber.value`).
    public var precision: Int
}

public struct LineChart: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Double]
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
}
