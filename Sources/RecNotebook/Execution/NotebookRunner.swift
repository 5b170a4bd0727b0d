import Foundation
import RecEngine

/// Runs a notebook's cells in order against one session.
public enum NotebookRunner {
    /// Runs every cell. After a failing cell the rest are marked not run, unless `keepGoing`.
    public static func run(_ document: NotebookDocument, context: RunContext, keepGoing: Bool) -> NotebookRun {
        run(document, context: context, keepGoing: keepGoing, verbs: VerbRegistry.all)
    }

    /// The same with another set of verbs (tests add cheap stand-ins for expensive ones).
    static func run(_ document: NotebookDocument, context: RunContext, keepGoing: Bool, verbs: [Verb]) -> NotebookRun {
        let session = Session(context: context)
        defer { session.spark.close() }
        for parameter in document.frontMatter?.parameters ?? [] {
            session.frontMatterDefaults[parameter.name] = parameter.value
        }
        let cells = document.cells
        let notebookName = (document.file as NSString).lastPathComponent
        var runs: [CellRun] = []
        var stopped = false
        // The text of every cell so far, for the cache key's "earlier cells" part.
        var earlierText = Data()
        for cell in cells {
            let fence = SourceLocation(file: document.file, line: cell.line)
            let cellText = Data("\(cell.info)\u{0}\(cell.code)\u{0}".utf8)
            defer { earlierText.append(cellText) }
            var run = CellRun(cell: cell, options: CellOptions(), status: .ok, results: [], error: nil, seconds: 0)
            if stopped {
                run.status = .notRun
                run.options = (try? CellOptions.parse(cell.info, at: fence)) ?? CellOptions()
                runs.append(run)
                context.observer?.cellFinished(run, of: cells.count, in: document.file)
                continue
            }
            context.observer?.cellStarted(cell, of: cells.count, in: document.file)
            PeakMemory.reset()
            let started = ContinuousClock.now
            session.currentCell = CellScope(
                notebook: notebookName, number: cell.number, firstCodeLine: cell.firstCodeLine,
                earlierCells: ContentDigest.sha256(earlierText), cell: ContentDigest.sha256(cellText), started: started)
            session.cacheEvents = []
            do throws(NotebookError) {
                run.options = try CellOptions.parse(cell.info, at: fence)
                let directives = try DirectiveParser.parseCell(cell.code, file: document.file, firstLine: cell.firstCodeLine)
                for directive in directives {
                    run.results += try VerbRegistry.run(directive, in: session, verbs: verbs)
                }
            } catch {
                run.status = .failed
                run.error = error
                stopped = !keepGoing
            }
            run.seconds = (ContinuousClock.now - started).seconds
            run.peakMemoryBytes = PeakMemory.peakBytes()
            run.cacheEvents = session.cacheEvents
            session.currentCell = nil
            runs.append(run)
            context.observer?.cellFinished(run, of: cells.count, in: document.file)
        }
        let provenance = Provenance(
            notebook: document.file, engineVersion: EngineVersion.current, dataFolder: context.dataFolder,
            seed: session.seed, sources: session.sources, banner: session.banner,
            parameters: session.parameters.isEmpty ? nil : session.parameters,
            spark: session.spark.started.map {
                SparkProvenance(master: $0.master, sparkVersion: $0.version, read: session.spark.read)
            })
        return NotebookRun(document: document, cells: runs, provenance: provenance)
    }
}
