import ArgumentParser
import Foundation
import RecNotebook

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs notebooks again and compares every result with the committed JSON reports.",
        discussion: """
            Numbers must match to the last printed digit; a cell whose fence says tolerance=T (```rec tolerance=0.01) \
            lets its decimals move by T relative to the larger value. Wall times, memory and cache use never count. \
            The reports are only read, and the cache is not used. Exit status: 0 when nothing moved and every cell \
            ran, 1 on any difference, a failing cell (even one the report recorded failing) or a missing report, \
            2 for a usage error.
            """)

    @Argument(help: "Notebooks or folders of notebooks (default: notebooks/).")
    var notebooks: [String] = []

    @Option(help: "Data folder; default: the folder each report's provenance names.")
    var data: String?

    @Option(help: "Folder of the committed reports to compare with.")
    var out = "output"

    @Flag(help: "Let notebooks read files outside the data folder (`..`, absolute paths, links leading out).")
    var allowOutsideData = false

    @OptionGroup var threads: ThreadSettings

    func run() throws {
        let paths: [String]
        do {
            paths = try ReportRenderer.notebooks(in: notebooks.isEmpty ? ["notebooks"] : notebooks)
        } catch {
            throw ValidationError(error.description)
        }
        let options = RunOptions(
            dataFolder: data, outFolder: out, observer: ConsoleStatus(), allowOutsideData: allowOutsideData,
            threads: threads.count)
        var failed = 0
        for path in paths {
            do {
                let outcome = try NotebookChecker.check(notebook: path, options: options)
                print(CheckReport.text(outcome))
                if !outcome.passed { failed += 1 }
            } catch {
                failed += 1
                print("ERROR   \(error)")
            }
        }
        print(
            failed == 0
                ? "check: \(paths.count) notebook(s) match their reports"
                : "check: \(failed) of \(paths.count) notebook(s) failed or differ from their reports")
        if failed > 0 { throw ExitCode(1) }
    }
}
