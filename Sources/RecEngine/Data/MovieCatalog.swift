/// The movies file in file order, with a lookup by outside id.
public struct MovieCatalog: Sendable {
    public private(set) var movies: [Movie]
    private var positionByRawId: [String: Int]

    public init(movies: [Movie]) {
        self.movies = movies
        positionByRawId = [:]
        for (position, movie) in movies.enumerated() where positionByRawId[movie.rawId] == nil {
            positionByRawId[movie.rawId] = position
        }
    }

    public var count: Int { movies.count }

    /// The file position of the movie with this outside id, or `nil` when it is not listed.
    public func position(ofRawId rawId: String) -> Int? {
        positionByRawId[rawId]
    }

    /// For each dense movie index of `ids`, the catalog entry with the same outside id, if any.
    public func entries(for ids: IdMap) -> [Movie?] {
        ids.rawIds.map { rawId in position(ofRawId: rawId).map { movies[$0] } }
    }
}
