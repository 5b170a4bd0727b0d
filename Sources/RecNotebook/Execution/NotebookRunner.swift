import RecEngine

/// Runs a notebook's cells in order against one session.
public enum NotebookRunner {
    /// Runs every cell. After a failing cell the rest are marked not run, unless `keepGoing`.
    public static func run(_ document: NotebookDocument, context: RunContext, keepGoing: Bool) -> NotebookRun {
        let session = Session(context: context)
        var runs: [CellRun] = []
        var stopped = false
        for cell in document.cells {
            let fence = SourceLocation(file: document.file, line: cell.line)
            var run = CellRun(cell: cell, options: CellOptions(), status: .ok, results: [], error: nil, seconds: 0)
            if stopped {
                run.status = .notRun
                run.options = (try? CellOptions.parse(cell.info, at: fence)) ?? CellOptions()
                runs.append(run)
                continue
            }
            let clock = ContinuousClock()
            let started = clock.now
            do throws(NotebookError) {
                run.options = try CellOptions.parse(cell.info, at: fence)
                let directives = try DirectiveParser.parseCell(cell.code, file: document.file, firstLine: cell.firstCodeLine)
                for directive in directives {
                    run.results += try VerbRegistry.run(directive, in: session)
                }
            } catch {
                run.status = .failed
                run.error = error
                stopped = !keepGoing
            }
            let elapsed = clock.now - started
            run.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            runs.append(run)
        }
        let provenance = Provenance(
            notebook: document.file, engineVersion: EngineVersion.current, dataFolder: context.dataFolder,
            seed: session.seed, sources: session.sources, banner: session.banner)
        return NotebookRun(document: document, cells: runs, provenance: provenance)
    }
}
