/// A movie as listed in the movies file: outside id, title and, where the file has them, the
/// Douban score and the genres.
public struct Movie: Sendable, Hashable, Codable {
    public var rawId: String
    public var title: String
    public var score: Double?
    /// In the file's order; empty when the file lists none (Douban's has no genres).
    public var genres: [String]

    public init(rawId: String, title: String, score: Double?, genres: [String] = []) {
        self.rawId = rawId
        self.title = title
        self.score = score
        self.genres = genres
    }

    /// Reads movies cached before genres were kept as having none.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rawId = try container.decode(String.self, forKey: .rawId)
        title = try container.decode(String.self, forKey: .title)
        score = try container.decodeIfPresent(Double.self, forKey: .score)
        genres = try container.decodeIfPresent([String].self, forKey: .genres) ?? []
    }
}
