import Foundation
import Testing

@testable import RecNotebook

/// `--to ipynb`: the executed notebook as nbformat 4.5 JSON. (`JupyterExportTests` validates the
/// CLI's files with nbformat itself.)
@Suite struct JupyterNotebookTests {
    static let markdown = """
        # Title

        Some *prose*.

        More prose.

        ```rec echo=false
        fit-stub name=nb loss=0.5
        ```

        Between.

        ```rec
        scores-stub
        ```

        After.

        """

    static func json(_ run: NotebookRun, timings: Bool = true) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: JupyterNotebook.render(run, timings: timings)) as? [String: Any])
    }

    static func text(_ value: Any?) -> String {
        (value as? [String])?.joined() ?? (value as? String) ?? ""
    }

    @Test func proseBecomesMarkdownCellsAndCellsBecomeCodeCellsWithOutputs() throws {
        let notebook = try Self.json(RunnerFixtures.run(Self.markdown))
        #expect(notebook["nbformat"] as? Int == 4)
        #expect(notebook["nbformat_minor"] as? Int == 5)
        let metadata = try #require(notebook["metadata"] as? [String: Any])
        #expect((metadata["language_info"] as? [String: Any])?["name"] as? String == "recbook")
        #expect(metadata["kernelspec"] == nil)

        let cells = try #require(notebook["cells"] as? [[String: Any]])
        #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "code", "markdown", "code", "markdown"])
        #expect(cells.map { $0["id"] as? String } == ["md-1", "cell-1", "md-2", "cell-2", "md-3"])
        let first = Self.text(cells[0]["source"])
        #expect(first.hasPrefix("# Title\n\n> **Provenance.** Notebook `test.md`"))
        #expect(first.hasSuffix("\n\nSome *prose*.\n\nMore prose."))
        #expect(Self.text(cells[2]["source"]) == "Between.")
        #expect((cells[0]["source"] as? [String])?.first == "# Title\n", "sources are lists of lines")

        let fit = cells[1]
        #expect(Self.text(fit["source"]) == "fit-stub name=nb loss=0.5")
        #expect(fit["execution_count"] as? Int == 1)
        let fitMetadata = try #require(fit["metadata"] as? [String: Any])
        #expect((fitMetadata["jupyter"] as? [String: Any])?["source_hidden"] as? Bool == true)
        #expect((fitMetadata["recbook"] as? [String: Any])?["info"] as? String == "echo=false")
        let outputs = try #require(fit["outputs"] as? [[String: Any]])
        #expect(outputs.map { $0["output_type"] as? String } == ["display_data", "display_data"])
        let metrics = try #require(outputs[0]["data"] as? [String: Any])
        #expect(Self.text(metrics["text/plain"]) == "Fit nb\nRMSE  0.8500")
        #expect(Self.text(metrics["text/html"]).contains("<table class=\"metrics\">"))
        let chart = try #require(outputs[1]["data"] as? [String: Any])
        let svg = Self.text(chart["image/svg+xml"])
        #expect(svg.hasPrefix("<svg class=\"chart\""))
        #expect(svg.contains(">\n<style>svg{"), "the chart carries its own style")
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(Self.text(chart["text/plain"]).hasPrefix("Loss of nb\n"))

        let scores = cells[3]
        #expect(scores["execution_count"] as? Int == 2)
        let table = try #require((scores["outputs"] as? [[String: Any]])?.first?["data"] as? [String: Any])
        #expect(Self.text(table["text/html"]).contains("<table class=\"result\">"))
    }

    @Test func errorsAreErrorOutputsAndCellsThatDidNotRunHaveNoCount() throws {
        let markdown = "```rec\nstats ratings\n```\n\n```rec\nscores-stub\n```\n"
        let cells = try #require(try Self.json(RunnerFixtures.run(markdown))["cells"] as? [[String: Any]])
        #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "code", "code"])
        #expect(cells[1]["execution_count"] as? Int == 1)
        let error = try #require((cells[1]["outputs"] as? [[String: Any]])?.first)
        #expect(error["output_type"] as? String == "error")
        #expect(error["ename"] as? String == "Error")
        #expect(error["evalue"] as? String == "no data is loaded yet; start with a `load` directive")
        #expect(error["traceback"] as? [String] == ["test.md:2: no data is loaded yet; start with a `load` directive"])
        #expect(cells[2]["execution_count"] is NSNull)
        #expect((cells[2]["outputs"] as? [Any])?.isEmpty == true)
    }

    @Test func notesAreStdoutStreamsInTheirPlaceAmongTheOutputs() throws {
        let markdown = "```rec\nload ratings=user_movies.csv\nreplace ratings from=-1 to=1\n```\n"
        let run = RunnerFixtures.run(markdown, data: try RunnerFixtures.dataFolder())
        let cells = try #require(try Self.json(run)["cells"] as? [[String: Any]])
        let outputs = try #require(cells[1]["outputs"] as? [[String: Any]])
        let notes = run.cells[0].results.compactMap { result -> String? in
            if case .note(let text) = result { return text }
            return nil
        }
        #expect(notes.count == 1, "replace says what it did")
        #expect(
            outputs.map { $0["output_type"] as? String }
                == run.cells[0].results.map { if case .note = $0 { "stream" } else { "display_data" } })
        let stream = try #require(outputs.first { $0["output_type"] as? String == "stream" })
        #expect(stream["name"] as? String == "stdout")
        #expect(Self.text(stream["text"]) == notes[0] + "\n")
    }

    /// With timings, a cell's metadata holds its wall time; without, two runs give the same bytes.
    @Test func timingsLiveInCellMetadataOnlyWithTimings() throws {
        let withTimings = try #require(try Self.json(RunnerFixtures.run(Self.markdown))["cells"] as? [[String: Any]])
        #expect(((withTimings[1]["metadata"] as? [String: Any])?["recbook"] as? [String: Any])?["seconds"] is Double)
        let first = try JupyterNotebook.render(RunnerFixtures.run(Self.markdown), timings: false)
        let second = try JupyterNotebook.render(RunnerFixtures.run(Self.markdown), timings: false)
        #expect(first == second)
        #expect(!String(decoding: first, as: UTF8.self).contains("seconds"))
    }

    @Test func linesKeepTheirBreaksAsJupyterWritesThem() {
        #expect(JupyterNotebook.lines("a\nb\n") == ["a\n", "b\n"])
        #expect(JupyterNotebook.lines("a\n\nb") == ["a\n", "\n", "b"])
        #expect(JupyterNotebook.lines("") == [])
    }

    /// Keys sorted, slashes not escaped: the file reads and diffs like hand-written JSON.
    @Test func jsonIsSortedAndReadable() throws {
        let text = String(decoding: try JupyterNotebook.render(RunnerFixtures.run(Self.markdown)), as: UTF8.self)
        let cells = try #require(text.range(of: "\"cells\""))
        let metadata = try #require(text.range(of: "\"language_info\""))
        let format = try #require(text.range(of: "\"nbformat\""))
        #expect(cells.lowerBound < metadata.lowerBound && metadata.lowerBound < format.lowerBound)
        #expect(text.contains("image/svg+xml"))
        #expect(!text.contains("\\/"))
        #expect(text.hasSuffix("}\n"))
    }
}
