import Foundation
import RecTestSupport

/// What `scripts/reference/keras_rsvd.py` measured: the article's Keras RSVD trained on the
/// synthetic `douban` preset with recbook's split (`make reference-keras` writes
/// Tests/Fixtures/keras-rsvd-synthetic.json). Field names are the script's.
struct KerasReference: Decodable {
    struct Split: Decodable {
        struct Row: Decodable {
            var user: String
            var movie: String
            var rating: Double
        }
        var train: Int
        var test: Int
        var first_test_rows: [Row]
    }
    struct Scores: Decodable {
        var mae: Double
        var mae_seen_users: Double
        var mae_unseen_users: Double
        var rows_seen_users: Int
        var rows_unseen_users: Int
    }
    var split: Split
    var rsvd: Scores

    static func load() throws -> KerasReference {
        try JSONDecoder().decode(
            KerasReference.self, from: Data(contentsOf: TestPaths.fixtures.appendingPathComponent("keras-rsvd-synthetic.json")))
    }
}
