import Foundation
import Testing

@testable import RecNotebook

@Suite struct ParametersTests {
    static let notebook = """
        ```rec
        params name=base loss=0.5 title=x
        ```

        ```rec
        fit-stub name=${name}_$title loss=$loss
        ```
        """

    static func rmse(_ run: NotebookRun) -> Double? {
        guard case .metrics(let list) = run.cells.last?.results.first else { return nil }
        return list.metrics.first?.value
    }

    @Test func defaultsApplyAndOverridesReplaceThem() throws {
        let defaults = RunnerFixtures.run(Self.notebook)
        #expect(defaults.succeeded)
        #expect(Self.rmse(defaults) == 0.5 * 1.7)
        #expect(defaults.provenance.parameters == ["name": "base", "loss": "0.5", "title": "x"])
        guard case .metrics(let list) = defaults.cells[1].results.first else { return }
        #expect(list.title == "Fit base_x")

        let overridden = RunnerFixtures.run(Self.notebook, parameters: ["loss": "0.25"])
        #expect(Self.rmse(overridden) == 0.25 * 1.7)
        guard case .table(let table) = overridden.cells[0].results.first else {
            Issue.record("params shows a table")
            return
        }
        #expect(table.rows[1] == [.text("loss"), .text("0.25"), .text("0.5")])
    }

    @Test func anUnknownDollarNameFailsAtItsLineWithASuggestion() {
        let run = RunnerFixtures.run(Self.notebook.replacingOccurrences(of: "loss=$loss", with: "loss=$los"))
        #expect(run.firstError?.location == SourceLocation(file: "test.md", line: 6))
        #expect(run.firstError?.message.hasPrefix("unknown parameter `$los`. Did you mean `$loss`?") == true)
    }

    @Test func dollarDollarIsADollarSign() throws {
        #expect(
            try ParameterSubstitution.substitute("$$5 and $", ["x": "1"], at: SourceLocation(file: "t", line: 1)) == "$5 and $")
        #expect(
            try ParameterSubstitution.substitute("a${x}b$x.c", ["x": "1"], at: SourceLocation(file: "t", line: 1)) == "a1b1.c")
    }

    @Test func aParameterDeclaredTwiceIsAnError() {
        let run = RunnerFixtures.run("```rec\nparams a=1\nparams a=2\n```\n")
        #expect(run.firstError?.description == "test.md:3: parameter `a` is declared twice; declare each parameter once")
    }

    @Test func unknownOverrideNamesAreRejectedWithDidYouMean() throws {
        let folder = try RunnerFixtures.folder()
        try RunnerFixtures.write(Self.notebook, to: folder + "/n.md")
        try ReportRenderer.checkParameters(["loss": "1"], notebooks: [folder + "/n.md"])
        #expect(throws: ReportError.unknownParameter(name: "los", declared: ["loss", "name", "title"])) {
            try ReportRenderer.checkParameters(["los": "1"], notebooks: [folder + "/n.md"])
        }
        #expect(
            ReportError.unknownParameter(name: "los", declared: ["loss", "name", "title"]).description
                == "unknown parameter `los` in -p los=... Did you mean `loss`? Declared: loss, name, title.")
    }
}
