/// Ratings grouped by row (user or movie): compressed sparse rows over dense indices.
struct SparseRows: Sendable {
    var offsets: [Int]
    var columns: [Int32]
    var ratings: [Float]
    var counts: [Int]

    init(rowsOf rowIndex: [Int32], columnsOf columnIndex: [Int32], ratings values: [Float], rowCount: Int) {
        var counts = [Int](repeating: 0, count: rowCount)
        for row in rowIndex { counts[Int(row)] += 1 }
        var offsets = [Int](repeating: 0, count: rowCount + 1)
        for row in 0..<rowCount { offsets[row + 1] = offsets[row] + counts[row] }
        var fill = offsets
        var columns = [Int32](repeating: 0, count: rowIndex.count)
        var ratings = [Float](repeating: 0, count: rowIndex.count)
        for index in rowIndex.indices {
            let row = Int(rowIndex[index])
            columns[fill[row]] = columnIndex[index]
            ratings[fill[row]] = values[index]
            fill[row] += 1
        }
        self.offsets = offsets
        self.columns = columns
        self.ratings = ratings
        self.counts = counts
    }

    /// Read views of the three arrays for parallel kernels; valid only inside `body`.
    struct Reads: Sendable {
        let offsets: SharedReads<Int>
        let columns: SharedReads<Int32>
        let ratings: SharedReads<Float>
    }

    func withReads<Result>(_ body: (Reads) -> Result) -> Result {
        SharedReads.with(offsets) { offsets in
            SharedReads.with(columns) { columns in
                SharedReads.with(ratings) { ratings in body(Reads(offsets: offsets, columns: columns, ratings: ratings)) }
            }
        }
    }
}
