/// How many listed movies carry a genre.
public struct GenreCount: Sendable, Hashable {
    public var genre: String
    public var movies: Int
}

extension MovieCatalog {
    /// Whether any listed movie has a genre (MovieLens lists do; Douban's has none).
    public var hasGenres: Bool {
        movies.contains { !$0.genres.isEmpty }
    }

    /// Each genre with its number of listed movies, most movies first; ties by genre name, so
    /// the order does not depend on the file's.
    public func genreCounts() -> [GenreCount] {
        var counts: [String: Int] = [:]
        for movie in movies {
            // A genre named twice on one row counts the movie once.
            for genre in Set(movie.genres) { counts[genre, default: 0] += 1 }
        }
        return counts.map { GenreCount(genre: $0.key, movies: $0.value) }
            .sorted { $0.movies != $1.movies ? $0.movies > $1.movies : $0.genre < $1.genre }
    }
}
