import RecEngine

/// Arguments the item-CF directives share: the user (the article's dense index), a movie by
/// title, `min-periods`, and titles in pandas' column order.
enum ItemCFArguments {
    static let minPeriodsKey = "min-periods"

    static func minPeriods(_ invocation: Invocation) throws(NotebookError) -> Int {
        try invocation.int(minPeriodsKey, default: 100, range: 1...Int(Int32.max))
    }

    /// The user given as a bare dense index (`user 666`, the article's `pivot.loc[666]`) or as
    /// `id=` with the raw Douban name; unknown users are an error naming the valid range.
    static func user(_ invocation: Invocation, _ dataset: Dataset) throws(NotebookError) -> Int {
        let users = dataset.ratings.userCount
        let range = users == 0 ? "there are no users" : "users are numbered 0 to \(users - 1) in order of first appearance"
        if let rawId = invocation.string("id") {
            guard invocation.directive.subjects.isEmpty else {
                throw invocation.fail("give the user as an index or as id=, not both, as in: \(invocation.verb.example)")
            }
            guard let index = dataset.ratings.userIds.index(of: rawId) else {
                throw invocation.fail("no user has the id `\(rawId)` in the ratings; \(range)")
            }
            return index
        }
        guard invocation.directive.subjects.count == 1, let text = invocation.directive.subjects.first else {
            throw invocation.fail(
                "`\(invocation.verb.name)` needs one user index (or id=NAME), as in: \(invocation.verb.example)")
        }
        guard let index = Int(text) else {
            throw invocation.fail("`\(text)` is not a user index; give a whole number (\(range)) or id=NAME")
        }
        guard index >= 0 && index < users else {
            throw invocation.fail("there is no user \(index); \(range)")
        }
        return index
    }

    /// The dense index of the movie with this title (or, failing that, this raw movie id).
    static func movie(titled title: String, _ invocation: Invocation, _ dataset: Dataset) throws(NotebookError) -> Int {
        let titles = (0..<dataset.ratings.movieCount).map(dataset.title(ofMovie:))
        if let index = titles.firstIndex(of: title) { return index }
        if let index = dataset.ratings.movieIds.index(of: title) { return index }
        let hint = Suggestions.closest(to: title, in: titles).map { " Did you mean \"\($0)\"?" } ?? ""
        throw invocation.fail("no rated movie is titled \"\(title)\".\(hint)")
    }

    /// Movie indices in the order pandas gives the pivot's columns: by title, code point by code point.
    static func byTitle(_ movies: [Int], _ dataset: Dataset) -> [Int] {
        movies.map { ($0, Array(dataset.title(ofMovie: $0).unicodeScalars.map(\.value))) }
            .sorted { $0.1 != $1.1 ? $0.1.lexicographicallyPrecedes($1.1) : $0.0 < $1.0 }
            .map(\.0)
    }

    static func configFailure(_ error: ItemCFConfigError, _ invocation: Invocation) -> NotebookError {
        invocation.fail(error.description)
    }
}
