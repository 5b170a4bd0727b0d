import Foundation
import RecEngine
import RecTestSupport

@testable import RecNotebook

/// Notebooks, files and cheap stand-ins for expensive verbs, for the runner's tests.
enum RunnerFixtures {
    /// A new empty folder.
    static func folder() throws -> String {
        try TestPaths.temporaryFolder().path
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Three users, two movies, in the Douban layout.
    static let ratingsCSV = "u1,m1,4\nu2,m1,5\nu3,m2,-1\nu1,m2,3\n"
    static let moviesCSV = "m1,8.2,第一\nm2,6.5,Second\n"

    /// A data folder holding `ratingsCSV` and `moviesCSV` as the Douban file names.
    static func dataFolder() throws -> String {
        let folder = try folder()
        try write(ratingsCSV, to: folder + "/user_movies.csv")
        try write(moviesCSV, to: folder + "/hot_movies.csv")
        return folder
    }

    /// Runs `markdown` with the real verbs plus the stand-ins below.
    static func run(
        _ markdown: String, file: String = "test.md", data: String = ".", parameters: [String: String] = [:],
        cache: CellCache? = nil, engineBuild: String = "test build", observer: (any RunObserver)? = nil
    ) -> NotebookRun {
        let document = MarkdownParser.parse(markdown, file: file)
        let context = RunContext(
            dataFolder: data, notebookFile: file, parameters: parameters, cache: cache, engineBuild: engineBuild,
            observer: observer)
        return NotebookRunner.run(document, context: context, keepGoing: false, verbs: VerbRegistry.all + [fitStub, scoresStub])
    }

    /// A JSON twin as it would be read back from disk.
    static func committed(_ run: NotebookRun) throws -> ReportTwin {
        try ReportTwin.decoder().decode(ReportTwin.self, from: ReportTwin.encoder().encode(ReportTwin(run)))
    }

    /// How many times `fit-stub` really computed, by model name (tests run in parallel, so each
    /// uses its own names).
    static let fits = Counter()

    /// A fitted stand-in model: what a cache entry must hold so later cells work on a hit.
    struct StubModel: Codable, Equatable {
        var name: String
        var curve: [Double]
        var rmse: Double
    }

    /// `fit-stub name=NAME loss=L [epochs=5]`: "trains" (counted in `fits`), caches the model,
    /// records its score in the session (the state `scores-stub` reads) and reports progress
    /// per epoch.
    static let fitStub = Verb(
        name: "fit-stub", summary: "test stand-in for a training verb", usage: "fit-stub name=NAME loss=L",
        example: "fit-stub name=a loss=0.5", keys: ["name", "loss", "epochs"],
        run: { invocation, session throws(NotebookError) in
            let name = invocation.string("name", default: "model")
            let loss = try invocation.double("loss") ?? 0.5
            let epochs = try invocation.int("epochs", default: 5, range: 1...1000)
            let model = try session.cached("fit \(name)", invocation, key: "epochs=\(epochs)") { () throws(NotebookError) in
                fits.increment(name)
                var curve: [Double] = []
                for epoch in 1...epochs {
                    curve.append(loss + 1.0 / Double(epoch))
                    session.reportProgress(invocation, done: epoch, of: epochs, detail: "epoch \(epoch)/\(epochs)")
                }
                return StubModel(name: name, curve: curve, rmse: loss * 1.7)
            }
            session.record(
                ModelScore(model: model.name, settings: "\(epochs) epochs", metrics: [Metric("RMSE", model.rmse, precision: 4)]))
            return [
                .metrics(MetricList(title: "Fit \(model.name)", metrics: [Metric("RMSE", model.rmse, precision: 4)])),
                .lineChart(
                    LineChart(
                        title: "Loss of \(model.name)", xLabel: "epoch", yLabel: "loss",
                        series: [.init(name: "train", values: model.curve)])),
            ]
        })

    /// `scores-stub`: the models recorded so far, as a table.
    static let scoresStub = Verb(
        name: "scores-stub", summary: "test stand-in for a comparison verb", usage: "scores-stub", example: "scores-stub",
        keys: [],
        run: { _, session throws(NotebookError) in
            [
                .table(
                    ResultTable(
                        title: "Scores", columns: [.text("model"), .decimal("RMSE", precision: 4)],
                        rows: session.scores.map { [.text($0.model), .decimal($0.metrics[0].value)] }))
            ]
        })
}

/// Thread-safe counts by name.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func value(_ name: String) -> Int { lock.withLock { counts[name, default: 0] } }

    func increment(_ name: String) {
        lock.withLock { counts[name, default: 0] += 1 }
    }
}
