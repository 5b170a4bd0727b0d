import CIntrinsics

extension FactorWorkspace {
    /// One lazy Adam step (TensorFlow's LazyAdam: only the rows the batch looks up decay, move
    /// and take Keras' L2) on the batch at `rows`, whose ratings must come grouped by user, as
    /// `EpochShuffler.Order.groupedByUser` lays them out. Returns the batch's sums of squared
    /// and absolute errors.
    ///
    /// One parallel pass over `chunkCount` chunks of the batch, cut only between users: per
    /// user, its ratings' errors (the neural model's from its dense layers, run over the chunk
    /// first), its gradient in rating order and at once its Adam step; the movies' gradients are
    /// summed per chunk. Then, serially: the chunks' sums in chunk order, each movie's Adam step,
    /// and the global bias or the dense block. The chunks depend only on the batch, so one
    /// thread and many give the same bits.
    func lazyStep(
        rows: Range<Int>, users: UnsafePointer<Int32>, movies: UnsafePointer<Int32>, ratings: UnsafePointer<Float>
    ) -> (squared: Double, absolute: Double) {
        precondition(lazy && rows.count > 0 && rows.count <= maxBatch)
        assert(Self.isGroupedByUser(rows, users: users), "lazy Adam needs each user's ratings side by side")
        step += 1
        let bounds = Self.chunkBounds(rows, users: users, chunks: Self.chunkCount)
        let movieParts = self.movieParts!
        movieParts.begin()
        let scale = 2 / Float(rows.count)  // d(mean squared error)/d(prediction) = 2 (p - r) / B
        let stepSize = adam.stepSize(at: step)
        var sums = [Double](repeating: 0, count: 3 * Self.chunkCount)
        sums.withUnsafeMutableBufferPointer { sums in
            // Handed out as threads free up: a chunk's size follows its users, and the epoch
            // shuffler's background work may hold up either thread.
            let shared = UncheckedSendable((self, sums.baseAddress!, users, movies, ratings))
            let neural = layout.kind == .neural
            forEachTask(Self.chunkCount, threads: threads) { chunk in
                let (workspace, sums, users, movies, ratings) = shared.value
                let chunkRows = bounds[chunk]..<bounds[chunk + 1]
                let chunkSums =
                    neural
                    ? workspace.neuralChunkStep(
                        chunk, chunkRows, batch: rows, users: users, movies: movies, ratings: ratings, scale: scale,
                        stepSize: stepSize)
                    : workspace.factorChunkStep(
                        chunk, chunkRows, users: users, movies: movies, ratings: ratings, scale: scale, stepSize: stepSize)
                sums[3 * chunk] = chunkSums.squared
                sums[3 * chunk + 1] = chunkSums.absolute
                sums[3 * chunk + 2] = chunkSums.bias
            }
        }
        var squared = 0.0
        var absolute = 0.0
        var globalGradient = 0.0
        for chunk in 0..<Self.chunkCount {
            squared += sums[3 * chunk]
            absolute += sums[3 * chunk + 1]
            globalGradient += sums[3 * chunk + 2]
        }
        let (movieRows, movieGradients, rowWidth, l2, settings) = (
            self.movieRows, self.movieGradients, self.rowWidth, self.l2, self.adam
        )
        movieParts.drain(into: { movieGradients.row($0) }) { movie in
            Self.adam(
                record: movieRows.row(movie), gradient: movieGradients.row(movie), rowWidth: rowWidth, l2: l2,
                settings: settings, stepSize: stepSize)
        }
        setDenseGradient(globalBias: globalGradient)
        applyAdam()
        return (squared, absolute)
    }

    /// SVD and RSVD over one chunk. Returns its error sums and its part of the global bias's
    /// gradient (the sum of `scale * error`).
    private func factorChunkStep(
        _ chunk: Int, _ rows: Range<Int>, users: UnsafePointer<Int32>, movies: UnsafePointer<Int32>,
        ratings: UnsafePointer<Float>, scale: Float, stepSize: Float
    ) -> (squared: Double, absolute: Double, bias: Double) {
        let k = layout.factors
        let biased = layout.kind != .svd
        let globalBias = layout.kind == .rsvd ? weights[layout.globalBias.lowerBound] : 0
        let (movieRows, movieParts) = (self.movieRows, self.movieParts!)
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

    /// The neural model over one chunk: its dense layers forward and backward (in pieces that
    /// fit the chunk's layer buffers), then per user the embedding gradients from dLoss/dx.
    private func neuralChunkStep(
        _ chunk: Int, _ rows: Range<Int>, batch: Range<Int>, users: UnsafePointer<Int32>, movies: UnsafePointer<Int32>,
        ratings: UnsafePointer<Float>, scale: Float, stepSize: Float
    ) -> (squared: Double, absolute: Double, bias: Double) {
        let k = layout.factors
        let width = layout.inputWidth
        let denseCount = layout.denseBlock.count
        let movieParts = self.movieParts!
        let denseGradient = denseParts + chunk * denseCount
        denseGradient.update(repeating: 0, count: denseCount)
        var lower = rows.lowerBound
        while lower < rows.upperBound {
            let upper = min(rows.upperBound, lower + chunkCapacity)
            Self.neuralChunk(
                weights, layout, userRows: userRows, movieRows: movieRows,
                samples: (lower - batch.lowerBound)..<(upper - batch.lowerBound), first: batch.lowerBound, users: users,
                movies: movies, ratings: ratings, scale: scale, layers: layers + chunk * layerStride, errors: errors,
                denseGradient: denseGradient, inputGradients: inputGradients)
            lower = upper
        }
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
    /// user's gradient into `gradient` (the chunk's row, zero) from the ratings at `run` (and their
    /// errors into `sums`), then the record takes its Adam step. Asks for the records of the users a few ratings on
    /// meanwhile. The sums go through an `inout` parameter rather than captured variables, which
    /// the closure would force out of registers.
    @inline(__always)
    private func stepUsers(
        _ chunk: Int, _ rows: Range<Int>, users: UnsafePointer<Int32>, stepSize: Float, summing sums: inout ErrorSums,
        _ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, Range<Int>, inout ErrorSums) -> Void
    ) {
        let (userRows, rowWidth, settings, l2) = (self.userRows, self.rowWidth, adam, self.l2)
        let gradient = chunkGradient(chunk)
        var position = rows.lowerBound
        while position < rows.upperBound {
            prefetchUser(at: position + Self.prefetchDistance, below: rows.upperBound, users: users)
            let user = users[position]
            var end = position + 1
            while end < rows.upperBound && users[end] == user { end += 1 }
            let record = userRows.row(Int(user))
            body(record, gradient, position..<end, &sums)
            Self.adam(record: record, gradient: gradient, rowWidth: rowWidth, l2: l2, settings: settings, stepSize: stepSize)
            position = end
        }
    }

    /// Asks for every cache line of the record of the user at `position`, if the chunk has one.
    @inline(__always)
    private func prefetchUser(at position: Int, below end: Int, users: UnsafePointer<Int32>) {
        guard position < end else { return }
        let record = userRows.row(Int(users[position]))
        // A record need not start on a line: every 64 bytes from its start, then its last byte.
        for line in stride(from: 0, to: recordStride, by: 16) { recbook_prefetch_for_write(record + line) }
        recbook_prefetch_for_write(record + recordStride - 1)
    }

    @inline(__always)
    private static func lanes(_ row: UnsafePointer<Float>, _ piece: Int) -> SIMD8<Float> {
        UnsafeRawPointer(row + 8 * piece).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    private static func store(_ value: SIMD8<Float>, _ row: UnsafeMutablePointer<Float>, _ piece: Int) {
        UnsafeMutableRawPointer(row + 8 * piece).storeBytes(of: value, as: SIMD8<Float>.self)
    }

    /// Where each chunk of the batch starts (and, last, where the batch ends): the batch cut
    /// into `chunks` near-equal parts, each cut moved forward past the user it would split.
    static func chunkBounds(_ rows: Range<Int>, users: UnsafePointer<Int32>, chunks: Int) -> [Int] {
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
    static func isGroupedByUser(_ rows: Range<Int>, users: UnsafePointer<Int32>) -> Bool {
        var finished = Set<Int32>()
        for position in rows where position == rows.lowerBound || users[position] != users[position - 1] {
            guard finished.insert(users[position]).inserted else { return false }
        }
        return true
    }
}

/// A chunk's running sums over its ratings: squared and absolute errors, and the global bias's
/// gradient (the sum of `scale * error`).
struct ErrorSums {
    var squared = 0.0
    var absolute = 0.0
    var bias = 0.0

    @inline(__always)
    mutating func add(_ error: Float, _ delta: Float) {
        squared += Double(error) * Double(error)
        absolute += Double(abs(error))
        bias += Double(delta)
    }
}
