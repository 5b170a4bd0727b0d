import RecEngine

/// The pivot and correlations that the item-CF directives share, kept per ratings table so that
/// `pivot`, `correlate`, `user`, `item-recommend` and `similar` build them once. An entry is
/// used only while its table is unchanged (the arrays compare equal; unchanged arrays share
/// storage, so the check is immediate), so a later `replace`, `load` or `split` rebuilds it.
struct ItemCFCache {
    private struct Entry {
        var users: [Int32]
        var movies: [Int32]
        var ratings: [Float]
        var matrix: RatingMatrix
        var correlations: [Int: ItemCorrelation]
    }

    /// At most two: the whole data and the split's training part.
    private var entries: [Entry] = []
    private static let capacity = 2
    /// The run's thread count, for the correlations (`--threads`).
    let threads: Int

    init(threads: Int) {
        self.threads = threads
    }

    mutating func matrix(for table: RatingsTable) -> RatingMatrix {
        entries[entryIndex(table)].matrix
    }

    mutating func correlation(for table: RatingsTable, minPeriods: Int) throws(ConfigError) -> ItemCorrelation {
        let index = entryIndex(table)
        if let cached = entries[index].correlations[minPeriods] { return cached }
        let correlation = try ItemCorrelation(
            entries[index].matrix, config: ItemCorrelation.Config(minPeriods: minPeriods), threads: threads)
        entries[index].correlations[minPeriods] = correlation
        return correlation
    }

    private mutating func entryIndex(_ table: RatingsTable) -> Int {
        if let index = entries.firstIndex(where: {
            $0.users == table.users && $0.movies == table.movies && $0.ratings == table.ratings
        }) {
            return index
        }
        if entries.count == Self.capacity { entries.removeFirst() }
        entries.append(
            Entry(
                users: table.users, movies: table.movies, ratings: table.ratings, matrix: RatingMatrix(table),
                correlations: [:]))
        return entries.count - 1
    }
}
