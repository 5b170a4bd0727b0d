/// A movies file read into a catalog, with what was skipped (only with `skipMalformed`).
public struct LoadedMovies: Sendable {
    public var catalog: MovieCatalog
    public var skipped: SkippedRows
}
