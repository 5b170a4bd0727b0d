import Foundation
import Testing

@testable import RecNotebook

@Suite struct SVGChartTests {
    static let evil = "<script>alert('x')</script> & \"quoted\""

    @Test func barChartTitlesAndLabelsAreEscaped() {
        let svg = SVGBarChart.render(BarChart(title: Self.evil, labels: [Self.evil, "小王子"], values: [3, -1], precision: 1))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</title>"))
        #expect(svg.contains(">小王子</text>"))
        #expect(svg.hasPrefix("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<rect").count == 3)
    }

    @Test func lineChartTitlesAndSeriesNamesAreEscaped() {
        let chart = LineChart(
            title: Self.evil, xLabel: "<epoch>", yLabel: "loss",
            series: [.init(name: Self.evil, values: [3, 2, .nan, 1]), .init(name: "test", values: [3.5, 2.5, 2, 1.5])])
        let svg = SVGLineChart.render(chart)
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<epoch>"))
        #expect(svg.contains("&lt;epoch&gt;"))
        // The NaN point breaks the line: a new M after two points.
        #expect(svg.contains("d=\"M64.0 53.6L250.7 136.8M624.0 220.0\""), "y from 3.5 (top, 12) to 1 (bottom, 220)")
    }

    @Test func aMovieTitleWithAScriptTagIsEscapedInThePage() throws {
        let folder = try RunnerFixtures.folder()
        try RunnerFixtures.write("u1,m1,4\nu2,m2,5\n", to: folder + "/user_movies.csv")
        try RunnerFixtures.write("m1,8.2,<script>alert(1)</script>\nm2,6.5,ok\n", to: folder + "/hot_movies.csv")
        let run = RunnerFixtures.run(
            "```rec\nload ratings=user_movies.csv movies=hot_movies.csv\nchart movies by=score\n```\n", data: folder)
        #expect(run.succeeded)
        let page = HTMLPage.render(run)
        #expect(!page.contains("<script"))
        #expect(page.contains("<svg class=\"chart\""))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;</text>"))
        #expect(page.contains("<details class=\"ascii\"><summary>Text version</summary><pre class=\"ascii\">"))
    }

    @Test func thePageHasAPrintStylesheet() {
        #expect(PageStyle.css.contains("@media print {"))
        #expect(PageStyle.css.contains("details.ascii"))
    }
}
