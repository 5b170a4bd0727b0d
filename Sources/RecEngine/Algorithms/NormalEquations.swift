/// One row of an ALS half-step: accumulate `Σ y yᵀ` and `Σ r y` over the row's ratings, add
/// `λ n I`, solve, and store the row's new factors. A row with no ratings gets zeros, as Spark
/// gives a user it has never seen no factors at all.
enum NormalEquations {
    @inline(__always)
    static func solveRow(
        _ row: Int, _ rows: SparseRows, _ fixed: UnsafeBufferPointer<Float>, _ solved: UnsafeMutableBufferPointer<Float>,
        rank: Int, config: ALSConfig, gram: inout [Double], rhs: inout [Double], x: inout [Double]
    ) {
        let start = rows.offsets[row]
        let end = rows.offsets[row + 1]
        let output = solved.baseAddress! + row * rank
        guard end > start else {
            for f in 0..<rank { output[f] = 0 }
            return
        }
        gram.withUnsafeMutableBufferPointer { gram in
            rhs.withUnsafeMutableBufferPointer { rhs in
                x.withUnsafeMutableBufferPointer { x in
                    let a = gram.baseAddress!
                    let b = rhs.baseAddress!
                    for index in 0..<(rank * rank) { a[index] = 0 }
                    for f in 0..<rank { b[f] = 0 }
                    rows.columns.withUnsafeBufferPointer { columns in
                        rows.ratings.withUnsafeBufferPointer { ratings in
                            for entry in start..<end {
                                let y = fixed.baseAddress! + Int(columns[entry]) * rank
                                let rating = Double(ratings[entry])
                                // Lower triangle only: the solver reads no more.
                                for i in 0..<rank {
                                    let yi = Double(y[i])
                                    b[i] += rating * yi
                                    let rowStart = a + i * rank
                                    for j in 0...i { rowStart[j] += yi * Double(y[j]) }
                                }
                            }
                        }
                    }
                    let lambda = config.regularization * Double(end - start)
                    for i in 0..<rank { a[i * rank + i] += lambda }
                    if config.nonnegative {
                        for i in 0..<rank { for j in (i + 1)..<max(i + 1, rank) { a[i * rank + j] = a[j * rank + i] } }
                        NonNegativeLeastSquares.solve(a, b, x.baseAddress!, rank)
                        for f in 0..<rank { output[f] = Float(x[f]) }
                    } else if Cholesky.solve(a, b, rank) {
                        for f in 0..<rank { output[f] = Float(b[f]) }
                    } else {
                        for f in 0..<rank { output[f] = .nan }
                    }
                }
            }
        }
    }
}
