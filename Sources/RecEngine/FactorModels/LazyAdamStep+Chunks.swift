extension LazyAdamStep {
    /// SVD and RSVD over one chunk, a user at a time: for each rating, e = r̂ − r with
    /// r̂ = p_uᵀq_i (+ b_u + b_i + μ for RSVD) and δ = 2e / B, the user's row gains
    /// δ [q_i | 1] and the movie's chunk partial δ [p_u | 1] (the 1 in the bias lane, for RSVD).
    /// Returns the chunk's error sums and its part of the global bias's gradient (Σ δ).
    func factorChunkStep(
        _ chunk: Int, _ rows: Range<Int>, users: Memory<Int32>, movies: Memory<Int32>,
        ratings: Memory<Float>, scale: Float, stepSize: Float
    ) -> (squared: Double, absolute: Double, bias: Double) {
        let k = layout.factors
        let biased = layout.kind != .svd
        let globalBias = layout.kind == .rsvd ? store.weights[layout.globalBias.lowerBound] : 0
        let (movieRows, movieParts) = (records.movieRows, self.movieParts)
        let (pieces, factorLanes, biasLane) = (lanes.pieces, lanes.factors, lanes.bias)
        var sums = ErrorSums()
        stepUsers(chunk, rows, users: users, stepSize: stepSize, summing: &sums) { record, userGradient, run, sums in
            for position in run {
                let movie = Int(movies[position])
                let movieRecord = movieRows.row(movie)
                var products = SIMD8<Float>()
                for piece in 0..<pieces {
                    products += Self.lanes(record, piece) * Self.lanes(movieRecord, piece) * factorLanes[piece]
                }
                var prediction = products.sum()
                if biased { prediction = prediction + record[k] + movieRecord[k] + globalBias }
                let error = prediction - ratings[position]
                let delta = scale * error
                sums.add(error, delta)
                let moviePart = movieParts.partial(chunk, movie)
                for piece in 0..<pieces {
                    let (mask, unit) = (factorLanes[piece], biasLane[piece])
                    let towardsUser = delta * (Self.lanes(movieRecord, piece) * mask + unit)
                    let towardsMovie = delta * (Self.lanes(record, piece) * mask + unit)
                    Self.store(Self.lanes(userGradient, piece) + towardsUser, userGradient, piece)
                    Self.store(Self.lanes(moviePart, piece) + towardsMovie, moviePart, piece)
                }
            }
        }
        return (sums.squared, sums.absolute, sums.bias)
    }

    /// The neural model over one chunk: its dense layers forward and backward (`NeuralLayers`),
    /// then per user the embedding gradients from ∂L/∂x's slices.
    func neuralChunkStep(
        _ chunk: Int, _ rows: Range<Int>, batch: Range<Int>, users: Memory<Int32>, movies: Memory<Int32>,
        ratings: Memory<Float>, scale: Float, stepSize: Float
    ) -> (squared: Double, absolute: Double, bias: Double) {
        guard let neural else { preconditionFailure("neuralChunkStep needs the neural model") }
        let k = layout.factors
        let width = layout.inputWidth
        let (errors, inputGradients, movieParts) = (self.errors, neural.inputGradients, self.movieParts)
        neural.forwardBackward(
            chunk: chunk, rows: rows, batch: batch, weights: store.weights, userRows: records.userRows,
            movieRows: records.movieRows, users: users, movies: movies, ratings: ratings, scale: scale, errors: errors)
        var sums = ErrorSums()
        stepUsers(chunk, rows, users: users, stepSize: stepSize, summing: &sums) { record, userGradient, run, sums in
            for position in run {
                let sample = position - batch.lowerBound
                sums.add(errors[sample], 0)
                // x = [q_i, p_u, b_u, b_i]: the movie's slice, then the user's.
                let dx = inputGradients + sample * width
                let moviePart = movieParts.partial(chunk, Int(movies[position]))
                for factor in 0..<k {
                    moviePart[factor] += dx[factor]
                    userGradient[factor] += dx[k + factor]
                }
                userGradient[k] += dx[2 * k]
                moviePart[k] += dx[2 * k + 1]
            }
        }
        return (sums.squared, sums.absolute, 0)
    }

    /// Walks the chunk `rows` one user at a time: `body(record, gradient, run, &sums)` sums the
    /// user's gradient into `gradient` (the chunk's row, zero) from the ratings at `run` (and
    /// their errors into `sums`), then the record takes its Adam step. Asks for the records of
    /// the users a few ratings on meanwhile. The sums go through an `inout` parameter rather
    /// than captured variables, which the closure would force out of registers.
    @inline(__always)
    private func stepUsers(
        _ chunk: Int, _ rows: Range<Int>, users: Memory<Int32>, stepSize: Float, summing sums: inout ErrorSums,
        _ body: (Memory<Float>, Memory<Float>, Range<Int>, inout ErrorSums) -> Void
    ) {
        let (userRows, rowWidth, recordStride) = (records.userRows, records.rowWidth, records.recordStride)
        let (settings, l2) = (adam, self.l2)
        let gradient = chunkGradient(chunk)
        var position = rows.lowerBound
        while position < rows.upperBound {
            Self.prefetchRecord(
                of: userRows, recordStride, at: position + FactorChunks.prefetchDistance, below: rows.upperBound,
                users: users)
            let user = users[position]
            var end = position + 1
            while end < rows.upperBound && users[end] == user { end += 1 }
            let record = userRows.row(Int(user))
            body(record, gradient, position..<end, &sums)
            LazyRecords.adam(
                record: record, gradient: gradient, rowWidth: rowWidth, l2: l2, settings: settings, stepSize: stepSize)
            position = end
        }
    }

    /// Asks for every cache line of the record of the user at `position`, if the chunk has one.
    @inline(__always)
    private static func prefetchRecord(
        of userRows: EmbeddingRows, _ recordStride: Int, at position: Int, below end: Int, users: Memory<Int32>
    ) {
        guard position < end else { return }
        let record = userRows.row(Int(users[position]))
        // A record need not start on a line: every 64 bytes from its start, then its last byte.
        for line in stride(from: 0, to: recordStride, by: 16) { record.prefetchForWrite(line) }
        record.prefetchForWrite(recordStride - 1)
    }

    @inline(__always)
    private static func lanes(_ row: Memory<Float>, _ piece: Int) -> SIMD8<Float> {
        row.load(SIMD8<Float>.self, at: 8 * piece)
    }

    @inline(__always)
    private static func store(_ value: SIMD8<Float>, _ row: Memory<Float>, _ piece: Int) {
        row.store(value, at: 8 * piece)
    }

    /// Where each chunk of the batch starts (and, last, where the batch ends): the batch cut
    /// into `chunks` near-equal parts, each cut moved forward past the user it would split.
    static func chunkBounds(_ rows: Range<Int>, users: Memory<Int32>, chunks: Int) -> [Int] {
        var bounds = [rows.lowerBound]
        for chunk in 1..<chunks {
            var bound = max(bounds[chunk - 1], rows.lowerBound + rows.count * chunk / chunks)
            while bound > rows.lowerBound && bound < rows.upperBound && users[bound] == users[bound - 1] { bound += 1 }
            bounds.append(bound)
        }
        bounds.append(rows.upperBound)
        return bounds
    }

    /// True when no user's ratings in `rows` are split into two runs.
    static func isGroupedByUser(_ rows: Range<Int>, users: Memory<Int32>) -> Bool {
        var finished = Set<Int32>()
        for position in rows where position == rows.lowerBound || users[position] != users[position - 1] {
            guard finished.insert(users[position]).inserted else { return false }
        }
        return true
    }
}
