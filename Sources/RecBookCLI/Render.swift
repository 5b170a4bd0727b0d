import ArgumentParser
import Foundation
import RecNotebook

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs notebooks and writes their HTML reports, JSON twins and index.html.",
        discussion: "Exit status: 0 when every cell ran, 1 when a cell failed, 2 for a usage error.")

    @Argument(help: "Notebooks or folders of notebooks (default: notebooks/).")
    var notebooks: [String] = []

    @Option(help: "Folder that relative data paths in `load` resolve against.")
    var data = "data/douban"

    @Option(help: "Folder for the reports.")
    var out = "output"

    @Flag(help: "Run every cell even after one fails.")
    var keepGoing = false

    func run() throws {
        let paths: [String]
        do {
            paths = try ReportRenderer.notebooks(in: notebooks.isEmpty ? ["notebooks"] : notebooks)
        } catch {
            throw ValidationError(error.description)
        }
        let options = ReportRenderer.Options(dataFolder: data, outFolder: out, keepGoing: keepGoing)
        var failed = 0
        for path in paths {
            let clock = ContinuousClock()
            let started = clock.now
            let outcome = try ReportRenderer.render(notebook: path, options: options)
            let elapsed = clock.now - started
            let target = (out as NSString).appendingPathComponent(outcome.page)
            if outcome.succeeded {
                print("ok      \(path) -> \(target) (\(outcome.cells) cells, \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))))")
            } else {
                failed += 1
                print("FAILED  \(path) -> \(target)")
                if let error = outcome.error {
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                }
            }
        }
        try ReportRenderer.writeIndex(outFolder: out)
        if failed > 0 { throw ExitCode(1) }
    }
}
