/// Where a movies file keeps each movie's genres. MovieLens 1M and latest name them in one field
/// (`Adventure|Comedy`); MovieLens 100K's `u.item` has one 0/1 flag field per genre.
public enum GenreColumns: Sendable, Hashable, Codable {
    /// Genre names in one field, separated by `separator`; `noGenre` (MovieLens latest's
    /// `(no genres listed)`) and an empty field mean none.
    case names(column: Int, separator: String, noGenre: String)
    /// One `0`/`1` field per genre, from `firstColumn`, in the order of `genres`.
    case flags(firstColumn: Int, genres: [String])

    /// The 100K genres of `u.genre` after its first, `unknown`, which says the movie has none.
    public static let movieLens100KGenres = [
        "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy",
        "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ]

    /// The fields this layout reads.
    var columns: [Int] {
        switch self {
        case .names(let column, _, _): return [column]
        case .flags(let firstColumn, let genres): return Array(firstColumn..<(firstColumn + genres.count))
        }
    }

    /// The genres of a row, in the file's order; a flag other than 0 or 1 is a malformed row.
    func genres(in fields: [String], source: String, line: Int) throws(DataError) -> [String] {
        switch self {
        case .names(let column, let separator, let noGenre):
            let field = fields[column]
            if field.isEmpty || field == noGenre { return [] }
            return field.split(separator: separator, omittingEmptySubsequences: true).map(String.init)
        case .flags(let firstColumn, let genres):
            var named: [String] = []
            for (offset, genre) in genres.enumerated() {
                switch fields[firstColumn + offset] {
                case "1": named.append(genre)
                case "0": continue
                case let other:
                    throw .malformedRow(path: source, line: line, reason: "genre flag \"\(other)\" for \(genre) is not 0 or 1")
                }
            }
            return named
        }
    }
}
