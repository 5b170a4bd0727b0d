import Foundation
import Testing

@testable import RecEngine

@Suite struct ALSTests {
    private func table(_ rows: [(String, String, Float)]) -> RatingsTable {
        let text = rows.map { "\($0.0),\($0.1),\(Int($0.2))" }.joined(separator: "\n")
        return try! RatingsReader.parse(Data(text.utf8), source: "t", format: .douban).table
    }

    @Test func oneIterationOfRankOneByHand() throws {
        // Two users rate one movie 2 and 4. With rank 1 and λ = 0.1:
        // movie:  y   = (2 x0 + 4 x1) / (x0² + x1² + 0.1 · 2)
        // users:  x_u = r_u y / (y² + 0.1 · 1)
        let train = table([("a", "m", 2), ("b", "m", 4)])
        let config = ALSConfig(rank: 1, iterations: 1, regularization: 0.1, seed: 5)
        let start = ALS.initialFactors(count: 2, rank: 1, seed: 5).map(Double.init)
        #expect(start.allSatisfy { abs(abs($0) - 1) < 1e-6 }, "unit-length rank-1 factors are ±1")
        let y = (2 * start[0] + 4 * start[1]) / (start[0] * start[0] + start[1] * start[1] + 0.2)
        let x0 = 2 * y / (y * y + 0.1)
        let x1 = 4 * y / (y * y + 0.1)
        let model = try ALS.fit(train, config: config)
        #expect(abs(Double(model.movieFactors[0]) - y) < 1e-5)
        #expect(abs(Double(model.userFactors[0]) - x0) < 1e-5)
        #expect(abs(Double(model.userFactors[1]) - x1) < 1e-5)
        #expect(abs(try model.estimate(user: 1, movie: 0) - x1 * y) < 1e-5)
    }

    /// Ratings made exactly from known rank-2 factors are fitted almost exactly.
    @Test func recoversALowRankMatrix() throws {
        var generator = SplitMix64(seed: 11)
        let users = (0..<40).map { _ in (generator.nextGaussian(), generator.nextGaussian()) }
        let movies = (0..<12).map { _ in (generator.nextGaussian(), generator.nextGaussian()) }
        var lines: [String] = []
        var truth: [Double] = []
        for (u, p) in users.enumerated() {
            for (m, q) in movies.enumerated() where (u + m) % 3 != 0 {
                let rating = p.0 * q.0 + p.1 * q.1
                lines.append("u\(u)\tm\(m)\t\(rating)")
                truth.append(rating)
            }
        }
        var format = RatingsFormat.movieLens100K
        format.fieldCount = 3
        format.wholeRatings = false
        format.ratingRange = -20...20
        let train = try RatingsReader.parse(Data(lines.joined(separator: "\n").utf8), source: "t", format: format).table
        let model = try ALS.fit(train, config: ALSConfig(rank: 2, iterations: 50, regularization: 1e-6, seed: 1))
        let predicted = (0..<train.count).map { try! model.estimate(user: Int(train.users[$0]), movie: Int(train.movies[$0])) }
        let rmse = ErrorMetrics(predicted: predicted, actual: train.ratings.map(Double.init)).rmse
        #expect(rmse < 1e-3, "train RMSE \(rmse)")
    }

    @Test func sameSeedSameFactorsOnOneOrTwoThreads() throws {
        let files = try SyntheticDouban.generate(.small)
        let train = try RatingsReader.parse(files.ratingsCSV, source: "s", format: .douban).table
        let config = ALSConfig(rank: 4, iterations: 3, regularization: 0.1, seed: 9)
        let one = try ALS.fit(train, config: config, threads: 1)
        let two = try ALS.fit(train, config: config, threads: 2)
        #expect(one.userFactors == two.userFactors && one.movieFactors == two.movieFactors)
        #expect(one.isFinite)
    }

    @Test func nonnegativeFactorsStayNonnegative() throws {
        let train = table([("a", "x", 5), ("a", "y", 1), ("b", "x", 1), ("b", "y", 5), ("c", "x", 3)])
        let model = try ALS.fit(train, config: ALSConfig(rank: 2, iterations: 5, regularization: 0.05, nonnegative: true))
        #expect(model.userFactors.allSatisfy { $0 >= 0 } && model.movieFactors.allSatisfy { $0 >= 0 })
    }

    @Test func unknownIdsAndBadSettingsAreErrors() throws {
        let train = table([("a", "x", 5)])
        let model = try ALS.fit(train, config: ALSConfig(rank: 1, iterations: 1))
        #expect(throws: EstimateError.unknownUser(3)) { try model.estimate(user: 3, movie: 0) }
        #expect(throws: ConfigError(setting: "regularization", allowed: "a positive number", given: "0.0")) {
            try ALS.fit(train, config: ALSConfig(regularization: 0))
        }
    }

    @Test func choleskyAndNonNegativeLeastSquaresByHand() {
        // [4 2; 2 3] x = [2; 5]  ->  x = [-0.5, 2].
        var a: [Double] = [4, 2, 2, 3]
        var b: [Double] = [2, 5]
        #expect(Memory.with(&a) { a in Memory.with(&b) { b in Cholesky.solve(a, b, 2) } })
        #expect(abs(b[0] + 0.5) < 1e-12 && abs(b[1] - 2) < 1e-12)
        // With x >= 0 the first coordinate sticks at 0 and the second is 5 / 3.
        let full: [Double] = [4, 2, 2, 3]
        let rhs: [Double] = [2, 5]
        var x: [Double] = [0, 0]
        Memory.reading(full) { full in
            Memory.reading(rhs) { rhs in Memory.with(&x) { x in NonNegativeLeastSquares.solve(full, rhs, x, 2) } }
        }
        #expect(x[0] == 0 && abs(x[1] - 5.0 / 3.0) < 1e-9)
        var singular: [Double] = [0, 0, 0, 0]
        var anything: [Double] = [1, 1]
        #expect(!Memory.with(&singular) { a in Memory.with(&anything) { b in Cholesky.solve(a, b, 2) } })
    }

    @Test func bytesRoundTripAndDamagedBytesAreRefused() throws {
        let train = table([("a", "x", 5), ("b", "x", 3), ("b", "y", 4)])
        let model = try ALS.fit(train, config: ALSConfig(rank: 2, iterations: 3))
        let bytes = model.encoded()
        let restored = try #require(ALSModel.decode(bytes))
        #expect(restored.userFactors == model.userFactors && restored.movieFactors == model.movieFactors)
        #expect(try restored.estimate(user: 1, movie: 1) == model.estimate(user: 1, movie: 1))
        #expect(ALSModel.decode(bytes.dropLast()) == nil, "a truncated entry")
        #expect(ALSModel.decode(bytes + [0]) == nil, "trailing bytes")
        var flags = bytes
        flags[flags.count - 1] = 7
        #expect(ALSModel.decode(flags) == nil, "a rated flag that is neither 0 nor 1")
        #expect(ALSModel.decode(Data()) == nil)
    }

    /// One iteration against a plain k x k solve of the normal equations (Gaussian elimination
    /// written out here), on data that takes every path of the kernel: users with fewer ratings
    /// than the rank (solved through the smaller n x n system) and movies with more ratings than
    /// one accumulation block.
    @Test func oneIterationMatchesThePlainNormalEquations() throws {
        var rows: [(String, String, Float)] = []
        for user in 0..<210 {
            rows.append(("u\(user)", "m\(user % 3)", Float(1 + user % 5)))
            if user % 2 == 0 { rows.append(("u\(user)", "m\(3 + (user / 2) % 2)", Float(1 + (user * 7) % 5))) }
        }
        let train = table(rows)
        let rank = 4
        let lambda = 0.05
        let config = ALSConfig(rank: rank, iterations: 1, regularization: lambda, seed: 9)
        let model = try ALS.fit(train, config: config)

        func solve(_ pairs: [(other: Int, rating: Double)], _ fixed: [Double]) -> [Double] {
            var a = [[Double]](repeating: [Double](repeating: 0, count: rank + 1), count: rank)
            for (other, rating) in pairs {
                for i in 0..<rank {
                    for j in 0..<rank { a[i][j] += fixed[other * rank + i] * fixed[other * rank + j] }
                    a[i][rank] += rating * fixed[other * rank + i]
                }
            }
            for i in 0..<rank { a[i][i] += lambda * Double(pairs.count) }
            for column in 0..<rank {
                for below in (column + 1)..<rank {
                    let factor = a[below][column] / a[column][column]
                    for k in column...rank { a[below][k] -= factor * a[column][k] }
                }
            }
            var x = [Double](repeating: 0, count: rank)
            for i in stride(from: rank - 1, through: 0, by: -1) {
                x[i] = (a[i][rank] - ((i + 1)..<rank).reduce(0) { $0 + a[i][$1] * x[$1] }) / a[i][i]
            }
            return x
        }
        let users = (0..<train.count).map { Int(train.users[$0]) }
        let movies = (0..<train.count).map { Int(train.movies[$0]) }
        let ratings = train.ratings.map(Double.init)
        let start = ALS.initialFactors(count: train.userCount, rank: rank, seed: 9).map(Double.init)
        let movieFactors = (0..<train.movieCount).flatMap { movie in
            solve(movies.indices.filter { movies[$0] == movie }.map { (users[$0], ratings[$0]) }, start)
        }
        let userFactors = (0..<train.userCount).flatMap { user in
            solve(users.indices.filter { users[$0] == user }.map { (movies[$0], ratings[$0]) }, movieFactors)
        }
        #expect(zip(model.movieFactors, movieFactors).allSatisfy { abs(Double($0) - $1) < 1e-4 })
        #expect(zip(model.userFactors, userFactors).allSatisfy { abs(Double($0) - $1) < 1e-4 })
        #expect(train.movieCount == 5, "\(train.movieCount) movies")
        #expect((0..<train.movieCount).contains { m in movies.filter { $0 == m }.count > RidgeSystem.block })
    }

    /// The user half-step looks its dual kernels up in a table of the movies' dot products
    /// (`RowDotProducts`); every row must come out with exactly the bits of computing them in place.
    @Test func theDotProductTableChangesNoBits() throws {
        let rank = 6
        let movies = 40
        var generator = SplitMix64(seed: 17)
        let fixed = (0..<(movies * rank)).map { _ in Float(generator.nextGaussian()) }
        // Rows of 1 to rank - 1 ratings (the dual path) and a few longer ones (the Gram path).
        let counts = (0..<300).map { row in row % 50 == 0 ? rank + 3 : 1 + row % (rank - 1) }
        var offsets = [0]
        for count in counts { offsets.append(offsets.last! + count) }
        let columns = (0..<offsets.last!).map { _ in Int32(generator.next() % UInt64(movies)) }
        let ratings = (0..<offsets.last!).map { _ in Float(1 + generator.next() % 5) }
        let config = ALSConfig(rank: rank, regularization: 0.05)
        func solveAll(tabulated: Bool) -> [Float] {
            var solved = [Float](repeating: 0, count: counts.count * rank)
            let products = tabulated ? SharedReads.with(fixed) { RowDotProducts($0, rows: movies, rank: rank) } : nil
            #expect((products != nil) == tabulated)
            RidgeSystem.with(rank: rank) { system in solve(into: &solved, system, products: products) }
            return solved
        }
        func solve(into solved: inout [Float], _ system: RidgeSystem, products: RowDotProducts?) {
            SharedReads.with(fixed) { fixed in
                SharedReads.with(offsets) { offsets in
                    SharedReads.with(columns) { columns in
                        SharedReads.with(ratings) { ratings in
                            let rows = SparseRows.Reads(offsets: offsets, columns: columns, ratings: ratings)
                            DisjointWrites.with(&solved) { solved in
                                for row in counts.indices {
                                    NormalEquations.solveRow(
                                        row, of: rows, fixed: fixed, products: products, into: solved, config: config, system)
                                }
                            }
                        }
                    }
                }
            }
        }
        let direct = solveAll(tabulated: false)
        #expect(direct.allSatisfy { $0.isFinite } && direct.contains { $0 != 0 })
        #expect(solveAll(tabulated: true).map(\.bitPattern) == direct.map(\.bitPattern))
    }
}
