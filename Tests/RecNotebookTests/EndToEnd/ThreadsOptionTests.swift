import Foundation
import RecTestSupport
import Testing

/// `--threads N` on render, check and watch: the engine runs on N threads, and the results are
/// the same whatever N is.
@Suite(.serialized) struct ThreadsOptionTests {
    /// Every kind of parallel engine work: synthetic data, the reader, correlations, held-out
    /// errors, ranking, ALS and factor training.
    static let notebook = """
        # Threads

        ```rec
        load ratings=user_movies.csv movies=hot_movies.csv synth=small
        split test=0.2
        item-evaluate neighbours=10 min-periods=5 k=5
        train a model=als rank=4 iterations=3
        evaluate a ranking=5
        train s model=svd k=4 epochs=2
        evaluate s
        ```
        """

    @Test func renderOnOneTwoOrThreeThreadsWritesTheSameTwin() throws {
        let folder = try TestPaths.temporaryFolder()
        let notebook = folder.appendingPathComponent("threads.md")
        try Data(Self.notebook.utf8).write(to: notebook)
        var twins: [Data] = []
        for threads in ["1", "2", "3"] {
            let out = folder.appendingPathComponent("out\(threads)")
            let run = try CommandRun.recbook([
                "render", notebook.path, "--data", folder.path, "--out", out.path, "--no-cache", "--threads", threads,
            ])
            #expect(run.status == 0, "\(run.errors)")
            twins.append(
                try ReportText.withoutRunMetadata(json: Data(contentsOf: out.appendingPathComponent("threads.json"))))
        }
        #expect(twins[1] == twins[0])
        #expect(twins[2] == twins[0])
        // The same figures are what `check` compares, on any thread count.
        let check = try CommandRun.recbook([
            "check", notebook.path, "--out", folder.appendingPathComponent("out2").path, "--threads", "1",
        ])
        #expect(check.status == 0, "\(check.output)\(check.errors)")
    }

    @Test func aThreadCountBelowOneOrNotANumberIsAUsageError() throws {
        for command in ["render", "check", "watch"] {
            for (given, message) in [
                ("0", "--threads must be at least 1, not 0"), ("-2", "--threads must be at least 1, not -2"),
                ("many", "The value 'many' is invalid for '--threads <N>'"),
            ] {
                let run = try CommandRun.recbook([command, "/nonexistent.md", "--threads=\(given)"])
                #expect(run.status == 2, "\(command) --threads=\(given)")
                #expect(run.errors.contains(message), "\(command): \(run.errors)")
            }
        }
    }
}
