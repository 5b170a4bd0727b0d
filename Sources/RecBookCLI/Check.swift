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

    @Argument(help: "Notebooks or folders of notebooks (default: the book in recbook.yml, else notebooks/).")
    var notebooks: [String] = []

    @Option(
        help: ArgumentHelp(
            "Data folder (default: the notebook's source in recbook.yml, else the folder the report's provenance "
                + "names). NAME=DIR puts the book's source NAME in DIR (repeatable).", valueName: "dir|name=dir"))
    var data: [String] = []

    @Option(help: "Folder of the committed reports to compare with.")
    var out = "output"

    @Flag(help: "Let notebooks read files outside the data folder (`..`, absolute paths, links leading out).")
    var allowOutsideData = false

    @OptionGroup var threads: ThreadSettings

    @OptionGroup var spark: SparkMasterSettings

    func run() throws {
        let plan = try BookPlan.forCommand(arguments: notebooks, data: data)
        var failed = 0
        var skipped = 0
        for entry in plan.entries {
            let path = entry.notebook
            if let reason = entry.skipReason(bookFile: plan.book?.file ?? Book.fileName, sparkMaster: spark.sparkMaster) {
                print("skipped \(path): \(reason)")
                skipped += 1
                continue
            }
            let options = RunOptions(
                dataFolder: entry.dataFolder, outFolder: out, observer: ConsoleStatus(), allowOutsideData: allowOutsideData,
                threads: threads.count, sparkMaster: spark.sparkMaster)
            do {
                let outcome = try NotebookChecker.check(notebook: path, options: options)
                print(CheckReport.text(outcome))
                if !outcome.passed { failed += 1 }
            } catch {
                failed += 1
                print("ERROR   \(error)")
            }
        }
        let checked = plan.entries.count - skipped
        let skips = skipped == 0 ? "" : "; \(skipped) skipped (see above)"
        print(
            failed == 0
                ? "check: \(checked) notebook(s) match their reports\(skips)"
                : "check: \(failed) of \(checked) notebook(s) failed or differ from their reports\(skips)")
        if failed > 0 { throw ExitCode(1) }
    }
}
