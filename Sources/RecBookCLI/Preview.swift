import ArgumentParser
import Foundation
import RecNotebook
import RecPreview

struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Renders notebooks, serves their reports over HTTP and reloads an open page each time its notebook "
            + "is saved; Ctrl-C stops.",
        discussion: "Serves only the files of --out, on 127.0.0.1 unless --host says otherwise. The pages on disk stay "
            + "as `render` writes them: the reload script is added as they are served.")

    @Argument(help: "A notebook or a folder of notebooks (default: the book in recbook.yml, else notebooks/).")
    var notebook: String?

    @Option(help: "Port to listen on (0: any free port).")
    var port: UInt16 = 8000

    @Option(help: "Address to listen on. Anything but 127.0.0.1 or ::1 lets other machines read the reports.")
    var host = "127.0.0.1"

    @OptionGroup var settings: RenderSettings

    @Option(help: .hidden)
    var maxRenders: Int?

    func run() throws {
        let plan = try settings.plan(notebook.map { [$0] } ?? [])
        let paths = plan.entries.map(\.notebook)
        let options = try settings.options(for: plan, observer: ConsoleStatus())
        guard options.formats.contains(.html) else {
            throw ValidationError("preview serves HTML pages: add --to html beside --to md")
        }
        let stop = StopFlag()
        let interrupt = stop.stopOnInterrupt()
        defer { interrupt.cancel() }
        var server: PreviewServer?
        NotebookWatcher.watch(paths, maxRenders: maxRenders, stop: stop) { changed in
            do {
                _ = try Render.render(plan.only(changed), options)
            } catch {
                // A failed write is reported and the preview goes on: the next save may fix it.
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                return
            }
            if let server {
                server.reload(pages: changed.map(Self.pageName) + ["index.html"])
            } else {
                do {
                    server = try serve(first: paths.count == 1 ? Self.pageName(paths[0]) : "")
                } catch {
                    FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                    stop.stop()
                }
            }
        }
        if let server { Blocking.run { await server.stop() } }
        Self.say("stopped the preview")
        if server == nil { throw ExitCode(1) }
    }

    /// Starts the server on the rendered folder and says where it is.
    private func serve(first page: String) throws -> PreviewServer {
        guard let folder = ServedFolder(settings.out) else {
            throw PreviewError.cannotListen(reason: "\(settings.out) is not a folder")
        }
        let server = try PreviewServer(folder: folder, host: host, port: port)
        let bound = try Blocking.run { () throws(PreviewError) -> UInt16 in try await server.start() }
        if !["127.0.0.1", "::1"].contains(host) {
            FileHandle.standardError.write(
                Data(
                    ("warning: listening on \(host): any machine that can reach this one on port \(bound) can read "
                        + "the reports, with no password\n").utf8))
        }
        let shown = host.contains(":") ? "[\(host)]" : host
        Self.say("serving \(folder.root) at http://\(shown):\(bound)/\(page); Ctrl-C stops")
        return server
    }

    /// Writes a line at once (`print` waits while stdout is a pipe), so that a script reading the
    /// "serving" line gets it before the first page is requested.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// `notebooks/02-item-based-cf.md` -> `02-item-based-cf.html`.
    static func pageName(_ notebook: String) -> String {
        ((notebook as NSString).lastPathComponent as NSString).deletingPathExtension + ".html"
    }
}
