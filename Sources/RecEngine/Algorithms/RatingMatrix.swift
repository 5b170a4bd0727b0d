/// The user x movie rating matrix, stored sparse twice: compressed rows by user (CSR) and
/// compressed columns by movie (CSC). It is what the article builds with
/// `pivot_table(index='userId', columns='title', values='rating')`, without the dense
/// 223,239 x 165 table of mostly NaN that pandas needs.
///
/// A user who rated the same movie more than once gets the mean of those ratings in one cell,
/// as `pivot_table`'s default `aggfunc='mean'` does (the mean is taken in `Double` and stored as
/// `Float`; Douban's duplicate rows never conflict, so it is exact there). Within a row, movies
/// are in increasing index order; within a column, users are.
public struct RatingMatrix: Sendable {
    public let userCount: Int
    public let movieCount: Int
    /// Row `u` is `rowMovies[rowStart[u]..<rowStart[u + 1]]`, with its values in `rowValues`.
    public let rowStart: [Int]
    public let rowMovies: [Int32]
    public let rowValues: [Float]
    /// Column `m` is `columnUsers[columnStart[m]..<columnStart[m + 1]]`, with values in `columnValues`.
    public let columnStart: [Int]
    public let columnUsers: [Int32]
    public let columnValues: [Float]
    /// For each column entry, the position of the same cell in the row arrays, so a walk down a
    /// column can continue along each user's row from that movie on.
    public let columnRowPosition: [Int]
    /// Rows of the table that were folded into an earlier rating of the same user and movie.
    public let mergedDuplicates: Int

    /// Builds both layouts from a ratings table in O(rows + users + movies) with counting sorts.
    public init(_ table: RatingsTable) {
        let users = table.userCount
        let movies = table.movieCount
        // Rows by user, in file order within each user (counting sort on the user index).
        var userStart = [Int](repeating: 0, count: users + 1)
        for user in table.users { userStart[Int(user) + 1] += 1 }
        for user in 0..<users { userStart[user + 1] += userStart[user] }
        var fill = userStart
        var byUser = [Int](repeating: 0, count: table.count)
        for row in 0..<table.count {
            let user = Int(table.users[row])
            byUser[fill[user]] = row
            fill[user] += 1
        }
        // Each user's cells: sort that user's few rows by movie, then average repeats.
        var rowStart = [Int](repeating: 0, count: users + 1)
        var rowMovies: [Int32] = []
        var rowValues: [Float] = []
        rowMovies.reserveCapacity(table.count)
        rowValues.reserveCapacity(table.count)
        var merged = 0
        var scratch: [(movie: Int32, row: Int, rating: Float)] = []
        for user in 0..<users {
            scratch.removeAll(keepingCapacity: true)
            for position in userStart[user]..<userStart[user + 1] {
                let row = byUser[position]
                scratch.append((table.movies[row], row, table.ratings[row]))
            }
            // Ties by file row, so repeated ratings are summed in file order. Files grouped by
            // movie (as Douban's is) already list each user's movies in index order: skip the sort.
            var sorted = true
            for index in scratch.indices.dropFirst() where scratch[index - 1].movie > scratch[index].movie {
                sorted = false
                break
            }
            if !sorted { scratch.sort { $0.movie != $1.movie ? $0.movie < $1.movie : $0.row < $1.row } }
            var index = 0
            while index < scratch.count {
                let movie = scratch[index].movie
                var sum = Double(scratch[index].rating)
                var repeats = 1
                index += 1
                while index < scratch.count && scratch[index].movie == movie {
                    sum += Double(scratch[index].rating)
                    repeats += 1
                    index += 1
                }
                merged += repeats - 1
                rowMovies.append(movie)
                rowValues.append(Float(sum / Double(repeats)))
            }
            rowStart[user + 1] = rowMovies.count
        }
        // Columns by movie: a counting sort of the cells, visited in user order.
        var columnStart = [Int](repeating: 0, count: movies + 1)
        for movie in rowMovies { columnStart[Int(movie) + 1] += 1 }
        for movie in 0..<movies { columnStart[movie + 1] += columnStart[movie] }
        var columnFill = columnStart
        var columnUsers = [Int32](repeating: 0, count: rowMovies.count)
        var columnValues = [Float](repeating: 0, count: rowMovies.count)
        var columnRowPosition = [Int](repeating: 0, count: rowMovies.count)
        for user in 0..<users {
            for position in rowStart[user]..<rowStart[user + 1] {
                let movie = Int(rowMovies[position])
                let slot = columnFill[movie]
                columnUsers[slot] = Int32(user)
                columnValues[slot] = rowValues[position]
                columnRowPosition[slot] = position
                columnFill[movie] += 1
            }
        }
        self.userCount = users
        self.movieCount = movies
        self.rowStart = rowStart
        self.rowMovies = rowMovies
        self.rowValues = rowValues
        self.columnStart = columnStart
        self.columnUsers = columnUsers
        self.columnValues = columnValues
        self.columnRowPosition = columnRowPosition
        self.mergedDuplicates = merged
    }

    /// Filled cells (distinct user-movie pairs).
    public var cellCount: Int { rowMovies.count }

    /// Filled cells over all cells of the dense pivot.
    public var density: Double {
        userCount == 0 || movieCount == 0 ? 0 : Double(cellCount) / (Double(userCount) * Double(movieCount))
    }

    /// The movies one user rated, in increasing index order, with the (averaged) ratings.
    public func row(_ user: Int) -> (movies: ArraySlice<Int32>, ratings: ArraySlice<Float>) {
        let range = rowStart[user]..<rowStart[user + 1]
        return (rowMovies[range], rowValues[range])
    }

    /// How many users rated each movie.
    public func raterCount(_ movie: Int) -> Int {
        columnStart[movie + 1] - columnStart[movie]
    }

    /// The user's rating of the movie, or `nil` for an empty cell (binary search in the row).
    public func rating(user: Int, movie: Int) -> Float? {
        var low = rowStart[user]
        var high = rowStart[user + 1]
        let target = Int32(movie)
        while low < high {
            let middle = (low + high) / 2
            if rowMovies[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low < rowStart[user + 1] && rowMovies[low] == target ? rowValues[low] : nil
    }

    /// Each movie's mean over its filled cells (NaN for a movie nobody rated), summed in `Double`.
    public func movieMeans() -> [Double] {
        (0..<movieCount).map { movie in
            let range = columnStart[movie]..<columnStart[movie + 1]
            guard !range.isEmpty else { return .nan }
            var sum = 0.0
            for index in range { sum += Double(columnValues[index]) }
            return sum / Double(range.count)
        }
    }
}
