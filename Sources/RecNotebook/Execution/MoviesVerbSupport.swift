import RecEngine

/// Shared checks for verbs that need the movies file.
enum MoviesVerbSupport {
    static func catalog(_ dataset: Dataset, _ invocation: Invocation) throws(NotebookError) -> MovieCatalog {
        guard let movies = dataset.movies else {
            throw invocation.fail("no movies file is loaded; add movies=FILE to the `load` directive")
        }
        return movies
    }

    static func scoredCatalog(_ dataset: Dataset, _ invocation: Invocation) throws(NotebookError) -> MovieCatalog {
        let movies = try catalog(dataset, invocation)
        guard movies.hasScores else {
            throw invocation.fail(
                "`\(invocation.verb.name)` needs Douban scores, and the movies file has none "
                    + "(only Douban's hot_movies.csv has them)")
        }
        return movies
    }
}
