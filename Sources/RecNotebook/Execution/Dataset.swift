import RecEngine

/// The ratings and movies a notebook works on, with where they came from.
struct Dataset {
    var ratings: RatingsTable
    var movies: MovieCatalog?
    /// Each dense movie's catalog entry, if the movies file lists it.
    var catalogEntries: [Movie?]

    init(ratings: RatingsTable, movies: MovieCatalog?) {
        self.ratings = ratings
        self.movies = movies
        catalogEntries = movies?.entries(for: ratings.movieIds) ?? Array(repeating: nil, count: ratings.movieCount)
    }

    func title(ofMovie index: Int) -> String {
        catalogEntries[index]?.title ?? ratings.movieIds.rawId(at: index)
    }

    /// Whether the movies file carries Douban scores: tables show a "Douban score" column only
    /// then (a MovieLens catalog has none, and an all-empty column says nothing).
    var hasScores: Bool {
        catalogEntries.contains { $0?.score != nil }
    }
}
