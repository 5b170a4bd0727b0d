import Foundation

/// Top-k quality of a model's rankings on held-out ratings, averaged over the evaluated users.
///
/// For a user with relevant held-out movies `R` and ranked candidates whose first `k` are
/// `L = (l_1, ..., l_k)` (fewer when there are fewer candidates), with `hit(i) = [l_i ∈ R]`:
///
/// - precision@k = Σ hit(i) / k
/// - recall@k = Σ hit(i) / |R|
/// - NDCG@k = Σ hit(i) / log2(i + 1)  over  Σ_{i ≤ min(k, |R|)} 1 / log2(i + 1)  (binary gains)
/// - AP@k = Σ_i hit(i) · precision@i / min(k, |R|); MAP@k is its mean over users
/// - coverage = distinct movies in any user's `L` / movies in the catalogue
public struct RankingMetrics: Sendable, Hashable, Codable {
    public var cutoff: Int
    /// Users with at least one training rating and one relevant held-out movie.
    public var users: Int
    /// Users with a relevant held-out movie but no training rating, left out (every model ranks
    /// them by its fallback alone).
    public var coldUsers: Int
    public var precision: Double
    public var recall: Double
    public var ndcg: Double
    public var map: Double
    public var coverage: Double

    public init(
        cutoff: Int, users: Int, coldUsers: Int, precision: Double, recall: Double, ndcg: Double, map: Double,
        coverage: Double
    ) {
        self.cutoff = cutoff
        self.users = users
        self.coldUsers = coldUsers
        self.precision = precision
        self.recall = recall
        self.ndcg = ndcg
        self.map = map
        self.coverage = coverage
    }

    /// One user's precision, recall, NDCG and average precision at `cutoff`, from the ranked
    /// candidates (best first) and the relevant movies. `relevant` must not be empty.
    public static func user(
        ranked: [Int], relevant: Set<Int>, cutoff: Int
    ) -> (precision: Double, recall: Double, ndcg: Double, averagePrecision: Double) {
        precondition(!relevant.isEmpty && cutoff >= 1)
        var hits = 0
        var dcg = 0.0
        var precisionSum = 0.0
        for (offset, movie) in ranked.prefix(cutoff).enumerated() where relevant.contains(movie) {
            hits += 1
            dcg += 1 / log2(Double(offset + 2))
            precisionSum += Double(hits) / Double(offset + 1)
        }
        let ideal = min(cutoff, relevant.count)
        var idealDCG = 0.0
        for offset in 0..<ideal { idealDCG += 1 / log2(Double(offset + 2)) }
        return (
            Double(hits) / Double(cutoff), Double(hits) / Double(relevant.count), dcg / idealDCG,
            precisionSum / Double(ideal)
        )
    }
}
