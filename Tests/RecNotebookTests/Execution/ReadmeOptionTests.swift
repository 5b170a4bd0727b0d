import Foundation
import RecEngine
import RecTestSupport
import Testing

@testable import RecNotebook

/// Directive options the README documents, each doing what the README says it does.
@Suite struct ReadmeOptionTests {
    /// A session whose data folder holds `files` (name -> contents).
    static func session(_ files: [String: String]) throws -> Session {
        let folder = try TestPaths.temporaryFolder()
        for (name, contents) in files {
            try Data(contents.utf8).write(to: folder.appendingPathComponent(name))
        }
        return Session(context: RunContext(dataFolder: folder.path, notebookFile: "t.md"))
    }

    static func loaded(_ session: Session) -> [String] {
        guard let ratings = session.dataset?.ratings else { return [] }
        return (0..<ratings.count).map {
            "\(ratings.userIds.rawId(at: Int(ratings.users[$0]))) \(ratings.movieIds.rawId(at: Int(ratings.movies[$0]))) \(ratings.ratings[$0])"
        }
    }

    static func message(_ code: String, in session: Session) -> String? {
        do {
            try DirectiveRun.run(code, in: session)
            return nil
        } catch {
            return "\(error)"
        }
    }

    static let expected = ["alice 101 4.0", "bob 101 -1.0", "bob 202 5.0"]

    /// README: `load ratings=my.tsv format=douban separator=tab header=true skip-malformed=true`.
    @Test func theReadmeTabSeparatedLoadWithAHeader() throws {
        let tsv = "user\tmovie\trating\nalice\t101\t4\nbob\t101\t-1\nbob\t202\t5\nbob\t303\t9\n"
        let session = try Self.session(["my.tsv": tsv])
        let results = try DirectiveRun.run(
            "load ratings=my.tsv format=douban separator=tab header=true skip-malformed=true", in: session)
        #expect(Self.loaded(session) == Self.expected)
        #expect(
            results.contains {
                if case .note(let text) = $0 { return text.hasPrefix("Skipped 1 malformed ratings row (skip-malformed=true)") }
                return false
            }, "the report says how many rows were skipped")
    }

    @Test func withoutTheSeparatorOrTheHeaderATabFileIsAnErrorNamingTheLine() throws {
        let tsv = "user\tmovie\trating\nalice\t101\t4\n"
        let session = try Self.session(["my.tsv": tsv])
        let path = session.context.dataFolder + "/my.tsv"
        #expect(
            Self.message("load ratings=my.tsv header=true", in: session)
                == "t.md:1: \(path):2: expected 3 fields separated by commas, found 1")
        #expect(
            Self.message("load ratings=my.tsv separator=tab", in: session)
                == "t.md:1: \(path):1: rating \"rating\" is not a number")
    }

    @Test(arguments: [("::", "alice::101::4\nbob::101::-1\nbob::202::5\n"), (";", "alice;101;4\nbob;101;-1\nbob;202;5\n")])
    func anyOtherSeparatorIsTakenAsWritten(separator: String, text: String) throws {
        let session = try Self.session(["r.txt": text])
        try DirectiveRun.run("load ratings=r.txt separator=\"\(separator)\"", in: session)
        #expect(Self.loaded(session) == Self.expected)
    }

    /// README: `select movies where="score OP NUMBER"` with >, >=, <, <=, =, !=, sorted by score
    /// with ties in file order.
    @Test(arguments: [
        ("score > 7", ["101", "505"]),
        ("score >= 7", ["202", "404", "101", "505"]),
        ("score < 7", ["303"]),
        ("score <= 7", ["303", "202", "404"]),
        ("score = 7", ["202", "404"]),
        ("score != 7", ["303", "101", "505"]),
        ("score>=7.0", ["202", "404", "101", "505"]),
    ])
    func selectComparesScores(condition: String, ids: [String]) throws {
        let session = try Self.session([
            "r.csv": "alice,101,4\n",
            "m.csv": "101,8.2,A\n202,7.0,B\n303,6.1,C\n404,7.0,D\n505,9.0,E\n",
        ])
        try DirectiveRun.run("load ratings=r.csv movies=m.csv", in: session)
        let results = try DirectiveRun.run("select movies where=\"\(condition)\"", in: session)
        guard case .table(let table) = results.first else {
            Issue.record("select gives a table")
            return
        }
        #expect(table.rows.map { $0[1] } == ids.map { .text($0) })
        #expect(table.title == "Movies with \(condition)")
    }

    @Test func selectDescendingKeepsTiesInFileOrder() throws {
        let session = try Self.session([
            "r.csv": "alice,101,4\n", "m.csv": "101,8.2,A\n202,7.0,B\n303,6.1,C\n404,7.0,D\n505,9.0,E\n",
        ])
        try DirectiveRun.run("load ratings=r.csv movies=m.csv", in: session)
        let results = try DirectiveRun.run("select movies where=\"score >= 7\" order=descending", in: session)
        guard case .table(let table) = results.first else {
            Issue.record("select gives a table")
            return
        }
        #expect(table.rows.map { $0[1] } == ["505", "101", "202", "404"].map { .text($0) })
    }

    static let ratings = (0..<60).map { "u\($0 % 12),m\($0 % 7),\(1 + ($0 * 7) % 5)" }.joined(separator: "\n") + "\n"

    /// README: `train ... [on=train|all]`: `on=all` trains on every loaded rating, no split needed.
    @Test func trainOnAllUsesEveryRatingWithoutASplit() throws {
        let session = try Self.session(["r.csv": Self.ratings])
        try DirectiveRun.run("load ratings=r.csv", in: session)
        #expect(
            Self.message("train m model=movie-mean", in: session)?.contains("t.md:1: ") == true,
            "on=train (the default) needs a split")
        let results = try DirectiveRun.run("train m model=movie-mean on=all", in: session)
        guard case .metrics(let metrics) = results.first else {
            Issue.record("train gives metrics")
            return
        }
        #expect(metrics.metrics.first { $0.name == "training ratings" }?.value == 60)
        #expect(session.models["m"]?.trainedOn == "all 60 ratings")

        try DirectiveRun.run("split test=0.25\ntrain t model=movie-mean", in: session)
        #expect(session.models["t"]?.trainedOn == "the holdout split's training rows (45 ratings)")
    }

    /// README: `grid ... [holdout=0.2 | cv=5]`: with cv=K each setting is scored by K-fold
    /// cross-validation on the training rows.
    @Test func gridCrossValidatesOnTheTrainingRows() throws {
        let session = try Self.session(["r.csv": Self.ratings])
        try DirectiveRun.run("load ratings=r.csv\nsplit test=0.25", in: session)
        let results = try DirectiveRun.run("grid model=baseline reg-u=5,15 cv=3", in: session)
        guard case .table(let table) = results.first else {
            Issue.record("grid gives a table")
            return
        }
        #expect(table.title == "Grid search over 2 settings of baseline (3-fold cross-validation on the training rows)")
        // Each row's scores are the means of three fits, each scored on a third of the training rows.
        let train = try #require(session.split?.train)
        let folds = RatingSplit.kFold(rows: train.count, folds: 3, seed: SplitMix64.derived(session.seed, GridVerb.seedStream))
        #expect(folds.map(\.test.count) == [15, 15, 15])
        for (row, regU) in zip(table.rows, [5.0, 15.0]) {
            let config = ModelConfig.baseline(BaselineConfig(userRegularization: regU))
            let scores = try CrossValidation.run(config, on: train, splits: folds)
            #expect(row[2] == .number(scores.meanMAE))
            #expect(row[3] == .number(scores.meanRMSE))
        }
        let holdout = try DirectiveRun.run("grid model=baseline reg-u=5,15 holdout=0.2", in: session)
        guard case .table(let heldOut) = holdout.first else {
            Issue.record("grid gives a table")
            return
        }
        #expect(heldOut.rows.map { $0[2] } != table.rows.map { $0[2] }, "cv= must change how settings are scored")
        #expect(
            Self.message("grid model=baseline reg-u=5,15 cv=3 holdout=0.2", in: session)
                == "t.md:1: give holdout= or cv=, not both")
    }
}
