import RecEngine

extension SparkRatings {
    /// Precision, recall, NDCG and MAP at `cutoff`, and coverage, of the model `name` fitted on
    /// the Spark split, by `RankingEvaluation`'s rules (see the driver's `ranking`), computed in
    /// Spark. Ties between equal predictions go by movie id, where the embedded engine breaks them
    /// by the order it read the movies in.
    public static func ranking(model name: String, config: RankingEvaluation.Config, driver: SparkDriver)
        throws(SparkError) -> RankingMetrics
    {
        struct Arguments: Encodable {
            var model: String
            var k: Int
            var relevant: Double
        }
        /// Means over no users are null.
        struct Reply: Decodable {
            var users: Int
            var cold_users: Int
            var precision: Double?
            var recall: Double?
            var ndcg: Double?
            var map: Double?
            var coverage: Double?
        }
        let reply = try driver.call(
            "ranking", Arguments(model: name, k: config.cutoff, relevant: config.relevantFrom), returning: Reply.self,
            timeout: timeout)
        return RankingMetrics(
            cutoff: config.cutoff, users: reply.users, coldUsers: reply.cold_users, precision: reply.precision ?? .nan,
            recall: reply.recall ?? .nan, ndcg: reply.ndcg ?? .nan, map: reply.map ?? .nan,
            coverage: reply.coverage ?? .nan)
    }
}
