import Foundation
import RecTestSupport
import Testing

/// `recbook render --to ipynb`, checked by Jupyter's own validator (nbformat in `.venv`).
@Suite(.serialized) struct JupyterExportTests {
    /// A table, a bar chart, a note, a failing cell, then a loss curve after it (`--keep-going`).
    static let cells =
        NotebookFixture.cell("load ratings=user_movies.csv movies=hot_movies.csv\nhead ratings n=3\nhistogram ratings")
        + NotebookFixture.cell("replace ratings from=-1 to=1") + NotebookFixture.cell("head ratings n=-3")
        + NotebookFixture.cell("split test=0.4\ntrain svd model=svd k=2 epochs=3\nloss svd")

    /// `nbformat.validate` on `file`: nil when valid, else what Python said.
    static func validationProblem(_ file: String) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.venvPython)
        process.arguments = [
            "-c", "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", file,
        ]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : String(decoding: message, as: UTF8.self)
    }

    @Test(.requires(.nbformat)) func everyExportIsAValidNotebookWithEveryKindOfOutput() throws {
        let fixture = try NotebookFixture(cells: Self.cells)
        let out = try TestPaths.temporaryFolder()
        let arguments = [
            "render", fixture.notebook, "--data", fixture.folder.path, "--out", out.path, "--to", "ipynb", "--keep-going",
            "--no-timings", "--no-cache",
        ]
        let run = try CommandRun.recbook(arguments)
        #expect(run.status == 1, "the failing cell fails the render: \(run.output) \(run.errors)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["test.ipynb", "test.json", "timings.json"])
        let file = out.appendingPathComponent("test.ipynb")
        #expect(try Self.validationProblem(file.path) == nil)

        let notebook = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let code = (notebook["cells"] as? [[String: Any]] ?? []).filter { $0["cell_type"] as? String == "code" }
        #expect(code.map { $0["execution_count"] as? Int } == [1, 2, 3, 4])
        let outputs = code.map { ($0["outputs"] as? [[String: Any]] ?? []) }
        func kinds(_ cell: Int) -> [String] {
            outputs[cell].map { output in
                let data = (output["data"] as? [String: Any])?.keys.sorted().joined(separator: "+")
                return (output["output_type"] as? String ?? "?") + (data.map { ":" + $0 } ?? "")
            }
        }
        let html = "display_data:text/html+text/plain"
        let svg = "display_data:image/svg+xml+text/plain"
        #expect(kinds(0).contains(html) && kinds(0).last == svg, "a table, then the histogram: \(kinds(0))")
        #expect(kinds(1).first == "stream", "the note on what replace did: \(kinds(1))")
        #expect(kinds(2) == ["error"])
        #expect(kinds(3).last == svg, "the loss curve: \(kinds(3))")

        // Unchanged notebook, unchanged bytes.
        let first = try Data(contentsOf: file)
        _ = try CommandRun.recbook(arguments)
        #expect(try Data(contentsOf: file) == first)
    }

    @Test func anUnknownFormatNamesTheThreeThereAre() throws {
        let run = try CommandRun.recbook(["render", "--to", "pdf"])
        #expect(run.status == 2)
        #expect(run.errors.contains("--to must be html, md or ipynb, not `pdf`"))
    }
}
