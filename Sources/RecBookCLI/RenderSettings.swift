import ArgumentParser
import RecNotebook

/// Options shared by `render` and `watch`.
struct RenderSettings: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Folder that data paths in `load` resolve against (default: the notebook's source in recbook.yml, else "
                + "data/douban); notebooks may only read files inside it. NAME=DIR puts the book's source NAME in DIR "
                + "(repeatable).", valueName: "dir|name=dir"))
    var data: [String] = []

    @Flag(help: "Let notebooks read files outside --data (`..`, absolute paths, links leading out).")
    var allowOutsideData = false

    @Option(help: "Folder for the reports.")
    var out = "output"

    @Option(
        name: .customShort("p"),
        help: ArgumentHelp(
            "Overrides a parameter the notebook declares with `params` (repeatable).", valueName: "name=value"))
    var parameter: [String] = []

    @Option(help: "Folder for cached results of expensive cells (git-ignored).")
    var cache = ".recbook-cache"

    @Flag(help: "Compute every cell; neither read nor write the cache.")
    var noCache = false

    @Option(help: ArgumentHelp("Pages to write beside the JSON twin: html, md, ipynb (repeatable).", valueName: "format"))
    var to: [String] = []

    @Flag(
        help: ArgumentHelp(
            "Keep wall times, memory and cache notes out of the pages and JSON twins (they go to timings.json), "
                + "so an unchanged notebook renders to the same bytes."))
    var noTimings = false

    @OptionGroup var spark: SparkMasterSettings

    @Flag(help: "Run every cell even after one fails.")
    var keepGoing = false

    @OptionGroup var threads: ThreadSettings

    func validate() throws {
        _ = try parameters()
        _ = try formats()
    }

    /// `-p name=value` pairs; a name given twice is an error.
    func parameters() throws -> [String: String] {
        var values: [String: String] = [:]
        for pair in parameter {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("-p needs name=value, as in -p epochs=5; got `\(pair)`")
            }
            let name = String(pair[..<equals])
            guard values[name] == nil else { throw ValidationError("-p \(name)=... is given twice") }
            values[name] = String(pair[pair.index(after: equals)...])
        }
        return values
    }

    func formats() throws -> Set<ReportRenderer.OutputFormat> {
        guard !to.isEmpty else { return [.html] }
        var formats: Set<ReportRenderer.OutputFormat> = []
        for name in to {
            guard let format = ReportRenderer.OutputFormat(rawValue: name) else {
                throw ValidationError("--to must be html, md or ipynb, not `\(name)`")
            }
            formats.insert(format)
        }
        return formats
    }

    /// The data folder of a notebook that names no source, without --data.
    static let defaultDataFolder = "data/douban"

    /// The notebooks to run and the data folder of each (see `BookPlan`).
    func plan(_ notebooks: [String]) throws -> BookPlan {
        try BookPlan.forCommand(arguments: notebooks, data: data)
    }

    /// The renderer's options for `plan`, after checking `-p` names against its notebooks'
    /// declarations. The data folder is each plan entry's (see `Render.render`); timings are off
    /// under `--no-timings` or when the book file says `timings: false` and every notebook is the book's.
    func options(for plan: BookPlan, observer: (any RunObserver)?) throws -> RunOptions {
        let notebooks = plan.entries.map(\.notebook)
        let parameters = try parameters()
        do {
            try ReportRenderer.checkParameters(parameters, notebooks: notebooks)
        } catch {
            throw ValidationError(error.description)
        }
        return RunOptions(
            dataFolder: Self.defaultDataFolder, outFolder: out, keepGoing: keepGoing, parameters: parameters,
            cacheFolder: noCache ? nil : cache, formats: try formats(), observer: observer,
            allowOutsideData: allowOutsideData, threads: threads.count, timings: !noTimings && (plan.bookTimings ?? true),
            sparkMaster: spark.sparkMaster)
    }
}
