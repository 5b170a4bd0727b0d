import Foundation
import RecTestSupport
import Testing

@testable import RecNotebook

/// recbook's exact-Adam RSVD, scored as Keras' `model.evaluate` scores (`fallback=none
/// clip=false`), against the article's Keras RSVD trained on the same data and split
/// (`make reference-keras` wrote Tests/Fixtures/keras-rsvd-synthetic.json).
///
/// Article scale: the `douban` synthetic preset (1,007,397 ratings), notebook 04's settings
/// (k=5, reg=1e-7, 45 epochs, batches of 10,000, Keras' dense Adam). Too slow for the debug
/// `make test` (well over ten minutes on two busy cores), so it runs only with
/// `RECBOOK_ARTICLE_SCALE=1`: `make article-scale-check` runs it in a release build.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["RECBOOK_ARTICLE_SCALE"] == "1", "set RECBOOK_ARTICLE_SCALE=1"))
struct KerasReferenceTests {
    @Test func articleScaleRSVDMatchesKerasWithinTwoPercentUnderKerasRule() throws {
        let reference = try KerasReference.load()
        let session = Session(context: RunContext(dataFolder: "/nonexistent-recbook-data", notebookFile: "t.md"))
        try DirectiveRun.run(
            "load ratings=user_movies.csv movies=hot_movies.csv synth=douban\nreplace ratings from=-1 to=1\nsplit test=0.2",
            in: session)
        // Both sides split alike: the same sizes and the same first test rows.
        let split = try #require(session.split)
        #expect(split.train.count == reference.split.train && split.test.count == reference.split.test)
        for (row, expected) in reference.split.first_test_rows.enumerated() {
            #expect(split.test.userIds.rawId(at: Int(split.test.users[row])) == expected.user)
            #expect(split.test.movieIds.rawId(at: Int(split.test.movies[row])) == expected.movie)
            #expect(Double(split.test.ratings[row]) == expected.rating)
        }
        let results = try DirectiveRun.run(
            "train exact model=rsvd k=5 reg=1e-7 epochs=45 batch=10000 optimizer=adam fixed-mean=0.3745\n"
                + "evaluate exact fallback=none clip=false", in: session)
        guard case .metrics(let list) = results.last else {
            Issue.record("evaluate gives metrics, not \(results)")
            return
        }
        let scores = Dictionary(list.metrics.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(scores["test ratings from users seen in training"] == Double(reference.rsvd.rows_seen_users))
        #expect(scores["test ratings from users not in training"] == Double(reference.rsvd.rows_unseen_users))
        let mae = try #require(scores["MAE"])
        let gap = abs(mae - reference.rsvd.mae) / reference.rsvd.mae
        #expect(
            gap < 0.02,
            """
            recbook MAE \(mae) (seen \(scores["MAE (users seen in training)"] ?? .nan), unseen \
            \(scores["MAE (users not in training)"] ?? .nan)); Keras \(reference.rsvd.mae) (seen \
            \(reference.rsvd.mae_seen_users), unseen \(reference.rsvd.mae_unseen_users))
            """)
    }
}
