import Foundation
import Testing

@testable import RecNotebook

/// Every result kind shows the same digits in HTML and Markdown, never fewer than the value
/// needs (a MovieLens 0.5 is never `0`), and stores the raw number in the JSON twin.
@Suite struct DisplayedNumbersTests {
    /// Fractional, huge, negative and missing values.
    static let values: [Double] = [0.5, 4.25, 1e12, 12_345_678.9, -1, -0.0001, 4, .nan, .infinity]
    /// What a page shows for `values` at precision 0 (whole numbers stay whole).
    static let shownAtPrecision0 = ["0.5", "4.25", "1000000000000", "12345678.9", "-1", "-0.0001", "4", "NaN", "inf"]
    /// The same in metrics and tables, which group thousands.
    static let groupedAtPrecision0 = ["0.5", "4.25", "1,000,000,000,000", "12,345,678.9", "-1", "-0.0001", "4", "NaN", "inf"]

    @Test func metricsShowTheSameExactDigitsInHTMLAndMarkdown() throws {
        let names = Self.values.indices.map { "m\($0)" }
        let list = MetricList(
            title: "Metrics", metrics: zip(names, Self.values).map { Metric($0, $1, precision: 0) })
        let html = HTMLResults.render(.metrics(list))
        let htmlValues = names.map { name in
            Self.firstMatch(#"<th>\#(name)</th><td class="num">([^<]*)</td>"#, in: html)
        }
        let markdown = MarkdownReport.render(.metrics(list))
        let markdownValues = names.map { name in
            Self.firstMatch(#"\n\#(name) +(\S+)"#, in: "\n" + markdown)
        }
        #expect(htmlValues == Self.groupedAtPrecision0)
        #expect(markdownValues == Self.groupedAtPrecision0)

        let json = try Self.twin(.metrics(list))
        let metrics = try #require(json["metrics"] as? [String: Any])
        for (name, value) in zip(names, Self.values) where value.isFinite {
            #expect((metrics[name] as? Double) == value, "\(name)")
        }
        #expect(metrics["m7"] as? String == "NaN")
        #expect(metrics["m8"] as? String == "inf")
    }

    @Test func tableCellsShowTheSameExactDigitsInHTMLAndMarkdown() throws {
        let table = ResultTable(
            title: "Table", columns: [.integer("row"), .decimal("rating", precision: 0), .decimal("score", precision: 1)],
            rows: Self.values.enumerated().map { [.integer($0.offset), .number($0.element), .number($0.element)] })
        let html = HTMLResults.render(table)
        let htmlRows = Self.allMatches(#"<tr>((?:<td[^>]*>[^<]*</td>)+)</tr>"#, in: html).map { row in
            Self.allMatches(#"<td[^>]*>([^<]*)</td>"#, in: row)
        }
        let markdownRows = MarkdownReport.render(table).split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst(2)
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(htmlRows.map { $0[1] } == Self.groupedAtPrecision0)
        #expect(
            htmlRows.map { $0[2] } == [
                "0.5", "4.25", "1,000,000,000,000.0", "12,345,678.9", "-1.0", "-0.0001", "4.0", "NaN", "inf",
            ])
        #expect(markdownRows == htmlRows)

        let rows = try #require(try Self.twin(.table(table))["rows"] as? [[Any]])
        for (row, value) in zip(rows, Self.values) {
            if value.isNaN {
                #expect(row[1] is NSNull)
            } else if value.isInfinite {
                #expect(row[1] as? String == "inf")
            } else {
                #expect(row[1] as? Double == value)
            }
        }
    }

    /// Counts and quantities get thousands separators on the pages; ids never; the twin keeps
    /// raw numbers.
    @Test func countsAndDecimalsAreGroupedButIdsAreNot() throws {
        let table = ResultTable(
            title: "Users", columns: [.identifier("userId"), .integer("ratings"), .decimal("sum", precision: 2), .text("year")],
            rows: [
                [.integer(100_008_214), .integer(1_007_397), .decimal(-12_345.5), .text("1999")],
                [.integer(666), .integer(-2_500), .decimal(999.25), .text("2000")],
                [.integer(7), .integer(999), .missing, .text("2001")],
            ])
        let html = HTMLResults.render(table)
        let htmlRows = Self.allMatches(#"<tr>((?:<td[^>]*>[^<]*</td>)+)</tr>"#, in: html).map { row in
            Self.allMatches(#"<td[^>]*>([^<]*)</td>"#, in: row)
        }
        let expected = [
            ["100008214", "1,007,397", "-12,345.50", "1999"],
            ["666", "-2,500", "999.25", "2000"],
            ["7", "999", "NaN", "2001"],
        ]
        #expect(htmlRows == expected)
        let markdownRows = MarkdownReport.render(table).split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst(2)
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(markdownRows == expected)

        let json = try Self.twin(.table(table))
        let rows = try #require(json["rows"] as? [[Any]])
        #expect(rows[0][0] as? Double == 100_008_214 && rows[0][1] as? Double == 1_007_397)
        #expect(rows[0][2] as? Double == -12_345.5 && rows[1][1] as? Double == -2_500)
        let types = try #require(json["columns"] as? [[String: Any]]).map { $0["type"] as? String }
        #expect(types == ["identifier", "integer", "decimal", "text"])

        let list = MetricList(title: "Counts", metrics: [.count("ratings", 1_007_397), Metric("total", -1234.5, precision: 1)])
        #expect(HTMLResults.render(.metrics(list)).contains("<td class=\"num\">1,007,397</td>"))
        #expect(HTMLResults.render(.metrics(list)).contains("<td class=\"num\">-1,234.5</td>"))
        #expect(MarkdownReport.render(.metrics(list)).contains("ratings  1,007,397\ntotal     -1,234.5\n"))
        #expect(try Self.twin(.metrics(list))["metrics"] as? [String: Double] == ["ratings": 1_007_397, "total": -1234.5])
    }

    @Test func groupingPutsCommasOnlyIntoTheWholePart() {
        #expect(DisplayNumber.grouped("1007397") == "1,007,397")
        #expect(DisplayNumber.grouped("-1234.56789") == "-1,234.56789")
        #expect(DisplayNumber.grouped("999") == "999")
        #expect(DisplayNumber.grouped("-999.5") == "-999.5")
        #expect(DisplayNumber.grouped("100000") == "100,000")
        #expect(DisplayNumber.grouped("NaN") == "NaN" && DisplayNumber.grouped("-inf") == "-inf")
        #expect(DisplayNumber.count(803_582) == "803,582")
        #expect(
            DisplayNumber.ungrouped("trained on 803,582 ratings, k=5,10 and 1,2345")
                == "trained on 803582 ratings, k=5,10 and 1,2345")
    }

    @Test func barChartsShowTheSameExactDigitsInSVGTextAndMarkdown() throws {
        let labels = Self.values.indices.map { "bar\($0)" }
        let chart = BarChart(title: "Bars", labels: labels, values: Self.values, precision: 0)
        let svgValues = Self.allMatches(#"<text class="value"[^>]*>([^<]*)</text>"#, in: SVGBarChart.render(chart))
        let markdown = MarkdownReport.render(.barChart(chart))
        let asciiValues = markdown.split(separator: "\n").filter { $0.hasPrefix("bar") }.map {
            String($0.split(separator: " ").last!)
        }
        #expect(svgValues == Self.shownAtPrecision0)
        #expect(asciiValues == Self.shownAtPrecision0)
        // The page folds the same text chart under the SVG.
        #expect(HTMLResults.render(.barChart(chart)).contains(HTMLText.escape(AsciiBarChart.render(chart))))

        let series = try #require((try Self.twin(.barChart(chart))["series"] as? [[String: Any]])?.first?["values"] as? [Any])
        #expect(series.compactMap { $0 as? Double } == Self.values.filter(\.isFinite))
        #expect(series.compactMap { $0 as? String } == ["NaN", "inf"])
    }

    @Test func lineChartAxesShowTheExtremesExactlyAndTheTwinKeepsEveryPoint() throws {
        let chart = LineChart(
            title: "Loss", xLabel: "epoch", yLabel: "loss", series: [.init(name: "train", values: [1e12, 0.5, -0.00001, .nan])])
        let svg = SVGLineChart.render(chart)
        let ascii = AsciiLineChart.render(chart)
        // At least the axis precision (4), and the five digits -0.00001 needs.
        #expect(svg.contains(">1000000000000.0000</text>") && svg.contains(">-0.00001</text>"))
        #expect(ascii.hasPrefix("1000000000000.0000 ┤"))
        #expect(ascii.contains("          -0.00001 ┤"))
        #expect(MarkdownReport.render(.lineChart(chart)).contains(ascii))
        #expect(HTMLResults.render(.lineChart(chart)).contains(HTMLText.escape(ascii)))

        let series = try #require((try Self.twin(.lineChart(chart))["series"] as? [[String: Any]])?.first?["values"] as? [Any])
        #expect(series.compactMap { $0 as? Double } == [1e12, 0.5, -0.00001])
        #expect(series.last as? String == "NaN")
    }

    @Test func nonFinitePointsReadBackFromTheTwin() throws {
        let chart = LineChart(
            title: "Loss", xLabel: "epoch", yLabel: "loss", series: [.init(name: "t", values: [1, .nan, .infinity])])
        let data = try ReportTwin.encoder().encode(ReportTwin.Result(.lineChart(chart)))
        let values = try #require(try ReportTwin.decoder().decode(ReportTwin.Result.self, from: data).series?.first?.values)
        #expect(values.count == 3 && values[0] == 1 && values[1]!.isNaN && values[2] == .infinity)
        // Twins written before kept such points as null; they still read.
        let old = #"{"kind":"line-chart","series":[{"name":"t","values":[1,null]}]}"#
        let oldValues = try ReportTwin.decoder().decode(ReportTwin.Result.self, from: Data(old.utf8)).series?.first?.values
        #expect(oldValues == [1, nil])
    }

    @Test func notesReadTheSameEverywhere() throws {
        let note = CellResult.note("Replaced 12 ratings of 0.5 with 1")
        #expect(HTMLResults.render(note) == "<p class=\"note\">Replaced 12 ratings of 0.5 with 1</p>\n")
        #expect(MarkdownReport.render(note) == "Replaced 12 ratings of 0.5 with 1\n")
        #expect(try Self.twin(note)["text"] as? String == "Replaced 12 ratings of 0.5 with 1")
    }

    @Test func precisionIsAMinimumAndComputedFiguresRoundToIt() {
        // Whole values keep the look of the committed Douban reports.
        #expect(DisplayNumber.value(4, precision: 0) == "4")
        #expect(DisplayNumber.value(-1, precision: 0) == "-1")
        #expect(DisplayNumber.value(8.2, precision: 1) == "8.2")
        #expect(DisplayNumber.value(3.5, precision: 6) == "3.500000")
        // A computed mean is not exact at any short decimal: rounded to its precision.
        #expect(DisplayNumber.value(3.7778242178170527, precision: 6) == "3.777824")
        #expect(DisplayNumber.value(2.0 / 3.0, precision: 0) == "1")
        #expect(DisplayNumber.value(0.1 + 0.2, precision: 4) == "0.3000")
        // Exact values that need more digits than the precision get them.
        #expect(DisplayNumber.value(0.5, precision: 0) == "0.5")
        #expect(DisplayNumber.value(0.125, precision: 1) == "0.125")
        #expect(DisplayNumber.value(-0.0, precision: 0) == "0")
        #expect(DisplayNumber.value(-.infinity, precision: 3) == "-inf")
        // A Float rating is shown as the file wrote it.
        #expect(DisplayNumber.value(DisplayNumber.decimal(Float(3.7)), precision: 0) == "3.7")
        #expect(DisplayNumber.shortest(DisplayNumber.decimal(Float(3.7))) == "3.7")
    }

    /// The result as its JSON twin stores it, read back as plain JSON.
    private static func twin(_ result: CellResult) throws -> [String: Any] {
        let data = try ReportTwin.encoder().encode(ReportTwin.Result(result))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private static func firstMatch(_ pattern: String, in text: String) -> String? {
        allMatches(pattern, in: text).first
    }

    private static func allMatches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            String(text[Range(match.range(at: 1), in: text)!])
        }
    }
}
