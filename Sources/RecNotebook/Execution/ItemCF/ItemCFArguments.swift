import RecEngine

/// Arguments the item-CF directives share: `min-periods`, a movie of `correlate`'s title list,
/// and titles in pandas' column order. (Users and movies a verb is about: `IdSelection`.)
enum ItemCFArguments {
    static let minPeriodsKey = "min-periods"

    static func minPeriods(_ invocation: Invocation) throws(NotebookError) -> Int {
        try invocation.int(minPeriodsKey, default: 100, range: 1...Int(Int32.max))
    }

    /// A movie in `correlate`'s list of titles: the title, or failing that the movie id
    /// (`IdSelection` resolves it, as it does every verb's user or movie).
    static func movie(titled title: String, _ invocation: Invocation, _ dataset: Dataset) throws(NotebookError) -> Int {
        try IdSelection(invocation, dataset).movie(titleOrId: title)
    }

    /// Movie indices in the order pandas gives the pivot's columns: by title, code point by code point.
    static func byTitle(_ movies: [Int], _ dataset: Dataset) -> [Int] {
        movies.map { ($0, Array(dataset.title(ofMovie: $0).unicodeScalars.map(\.value))) }
            .sorted { $0.1 != $1.1 ? $0.1.lexicographicallyPrecedes($1.1) : $0.0 < $1.0 }
            .map(\.0)
    }
}
