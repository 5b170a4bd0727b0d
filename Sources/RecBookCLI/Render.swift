import ArgumentParser
import Foundation
import RecNotebook

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs notebooks and writes their HTML reports, JSON twins and index.html.",
        discussion: "Exit status: 0 when every cell ran, 1 when a cell failed, 2 for a usage error "
            + "(including a -p name no notebook declares).")

    @Argument(help: "Notebooks or folders of notebooks (default: the book in recbook.yml, else notebooks/).")
    var notebooks: [String] = []

    @OptionGroup var settings: RenderSettings

    func run() throws {
        let plan = try settings.plan(notebooks)
        let options = try settings.options(for: plan, observer: ConsoleStatus())
        if try Self.render(plan, options) > 0 { throw ExitCode(1) }
    }

    /// Renders the plan's notebooks, each on its data folder, prints a line per notebook and
    /// returns how many failed.
    static func render(_ plan: BookPlan, _ options: RunOptions) throws -> Int {
        var failed = 0
        for entry in plan.entries {
            let path = entry.notebook
            if let reason = entry.skipReason(bookFile: plan.book?.file ?? Book.fileName, sparkMaster: options.sparkMaster) {
                print("skipped \(path): \(reason)")
                continue
            }
            var options = options
            options.dataFolder = entry.dataFolder ?? RenderSettings.defaultDataFolder
            let clock = ContinuousClock()
            let started = clock.now
            let outcome = try ReportRenderer.render(notebook: path, options: options)
            let elapsed = clock.now - started
            // What was really written: `--to md` writes no HTML page.
            let target = outcome.written.map { (options.outFolder as NSString).appendingPathComponent($0) }
                .joined(separator: ", ")
            if outcome.succeeded {
                print(
                    "ok      \(path) -> \(target) (\(outcome.cells) cells, \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))))"
                )
            } else {
                failed += 1
                print("FAILED  \(path) -> \(target)")
                if let error = outcome.error {
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                }
            }
            for warning in outcome.warnings {
                FileHandle.standardError.write(Data("\(warning)\n".utf8))
            }
        }
        if options.formats.contains(.html) { try ReportRenderer.writeIndex(outFolder: options.outFolder, book: plan.book) }
        return failed
    }
}
