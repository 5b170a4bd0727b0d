import Testing

@testable import RecNotebook

@Suite struct RenderingTests {
    @Test func htmlEscapesEverythingFromData() {
        #expect(
            HTMLText.escape(#"<script>alert("x")</script> & 'y'"#)
                == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
    }

    @Test func tablesEscapeTitlesAlignNumbersAndShowNaN() {
        let table = ResultTable(
            title: "T <b>", columns: [.text("title"), .decimal("mean", precision: 3), .integer("n")],
            rows: [[.text("<script>x</script>"), .decimal(Double.pi), .integer(7)], [.text("小王子"), .missing, .integer(1)]],
            omittedRows: 2)
        let html = HTMLResults.render(table)
        #expect(html.contains("<td>&lt;script&gt;x&lt;/script&gt;</td>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("<caption>T &lt;b&gt;</caption>"))
        #expect(html.contains("<td class=\"num\">3.142</td>"))
        #expect(html.contains("<td class=\"num nan\">NaN</td>"))
        #expect(html.contains("… 2 more rows not shown"))
    }

    @Test func displayWidthCountsChineseAsTwoColumns() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("小王子") == 6)
        #expect(DisplayWidth.of("霍比特人3：五军之战") == 19)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func barChartLabelsLineUpByDisplayWidth() {
        let chart = BarChart(title: "t", labels: ["小王子", "Ant-Man", "蚁人"], values: [8, 4, 2], precision: 1)
        let lines = AsciiBarChart.render(chart).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // The axis stands in the same display column on every line.
        let axisColumns = lines.map { line in DisplayWidth.of(String(line.prefix { $0 != "│" })) }
        #expect(Set(axisColumns) == [8])
        #expect(lines[0].hasSuffix(" 8.0") && lines[2].hasSuffix(" 2.0"))
        // The largest value gets the full bar; half the value, half the bar.
        #expect(lines[0].filter { $0 == "█" }.count == AsciiBarChart.barWidth)
        #expect(lines[1].filter { $0 == "█" }.count == AsciiBarChart.barWidth / 2)
    }

    @Test func lineChartPutsExtremesOnTheAxisLabels() {
        let chart = LineChart(
            title: "loss", xLabel: "epoch", yLabel: "mse", series: [.init(name: "train", values: [4, 3, 2, 1.5, 1.25])])
        let lines = AsciiLineChart.render(chart).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("4.0000 ┤*"))
        #expect(lines[AsciiLineChart.height - 1].hasPrefix("1.2500 ┤"))
        #expect(lines[AsciiLineChart.height - 1].hasSuffix("*"))
        #expect(lines.last!.hasSuffix("5  epoch"))
    }

    @Test func numbersPrintAsPandasDoes() {
        #expect(DisplayNumber.fixed(3.7778242178170527, 6) == "3.777824")
        #expect(DisplayNumber.fixed(-0.0000001, 3) == "0.000")
        #expect(DisplayNumber.fixed(.nan, 2) == "NaN")
        #expect(DisplayNumber.shortest(-1) == "-1")
        #expect(DisplayNumber.shortest(3.5) == "3.5")
    }

    @Test func headingAnchorsAreUniqueAndKeepChinese() {
        var anchors = AnchorNames()
        #expect(anchors.make(for: "5.1 SVD: 奇异值分解") == "5-1-svd-奇异值分解")
        #expect(anchors.make(for: "Results") == "results")
        #expect(anchors.make(for: "Results") == "results-2")
        #expect(anchors.make(for: "!!!") == "section")
    }
}
