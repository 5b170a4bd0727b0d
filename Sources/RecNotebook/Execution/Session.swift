import RecEngine

/// Where a notebook runs: the folders it reads from, and the file name errors are reported under.
public struct RunContext: Sendable {
    /// Relative data paths in `load` resolve against this folder (`--data`).
    public var dataFolder: String
    public var notebookFile: String

    public init(dataFolder: String, notebookFile: String) {
        self.dataFolder = dataFolder
        self.notebookFile = notebookFile
    }
}

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
}

/// One notebook's state, shared by its cells in order: the data, the seed and what the
/// provenance header will say.
final class Session {
    let context: RunContext
    /// The master seed; every random step derives its own seed from it.
    var seed: UInt64 = 42
    var dataset: Dataset?
    var sources: [DataSource] = []
    var banner: String?

    init(context: RunContext) {
        self.context = context
    }

    func requireDataset(_ invocation: Invocation) throws(NotebookError) -> Dataset {
        guard let dataset else {
            throw invocation.fail("no data is loaded yet; start with a `load` directive")
        }
        return dataset
    }
}
