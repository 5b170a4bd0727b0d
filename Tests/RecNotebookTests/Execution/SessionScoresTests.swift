import Testing

@testable import RecNotebook

@Suite struct SessionScoresTests {
    @Test func evaluatingAModelAgainReplacesItsRow() {
        let session = Session(context: RunContext(dataFolder: ".", notebookFile: "x.md"))
        session.record(ModelScore(model: "svd", settings: "k=5", metrics: [Metric("MAE", 1, precision: 4)], trainSeconds: nil))
        session.record(ModelScore(model: "rsvd", settings: "k=5", metrics: [], trainSeconds: nil))
        session.record(ModelScore(model: "svd", settings: "k=10", metrics: [Metric("MAE", 0.9, precision: 4)], trainSeconds: 1))
        #expect(session.scores.map(\.model) == ["svd", "rsvd"])
        #expect(session.scores[0].settings == "k=10")
    }
}
