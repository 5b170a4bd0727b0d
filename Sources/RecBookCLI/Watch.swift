import ArgumentParser
import Foundation
import RecNotebook

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Renders a notebook, then again every time it is saved; Ctrl-C stops.")

    @Argument(help: "The notebook to watch.")
    var notebook: String

    @OptionGroup var settings: RenderSettings

    @Option(help: .hidden)
    var maxRenders: Int?

    func run() throws {
        let plan = try settings.plan([notebook])
        let options = try settings.options(for: plan, observer: ConsoleStatus())
        let stop = StopFlag()
        let interrupt = stop.stopOnInterrupt()
        defer { interrupt.cancel() }
        print("watching \(notebook); Ctrl-C stops")
        NotebookWatcher.watch(notebook, maxRenders: maxRenders, stop: stop) {
            do {
                _ = try Render.render(plan, options)
            } catch {
                // A failed write is reported and the watch goes on: the next save may fix it.
                FileHandle.standardError.write(Data("\(error)\n".utf8))
            }
        }
        print("stopped watching \(notebook)")
    }
}
