import CIntrinsics

/// The mutable state of one factor-model training run: parameters, Adam moments, gradient and
/// per-batch scratch, in buffers allocated once. `FactorTrainer` drives it batch by batch.
///
/// Keras-exact Adam (`accumulateGradient`, then a pass over every parameter): each step visits
/// every row the batch touches once. The batch is split by user into fixed buckets
/// (`BatchGroups`), one per chunk; a worker takes a bucket and, per user, computes its ratings'
/// errors (SVD/RSVD; the neural model's come from its dense layers first) and sums its
/// gradient, prefetching the next users' rows; the movies follow the same way. Each row's
/// gradient is summed in rating order and the chunks' dense partials in chunk order, so one
/// thread and many give bit-identical parameters.
///
/// Lazy Adam (`lazyStep`, in its own file) keeps each embedding row's weights and moments side
/// by side in one record, `[w | m | v]` (bias included), and steps a row as soon as its gradient
/// is complete: a record costs two cache lines where the flat tables cost up to ten, and the row
/// updates as eight-lane vectors. The flat `weights` are brought up to
/// date by `synchronizeWeights()` when something reads them (`errorSums`, `parameters`).
///
/// The stored properties the lazy step reads are internal rather than private for that file.
///
/// The neural model's dense layers run rating by rating in one C kernel (`recbook_neural_rows`).
final class FactorWorkspace {
    static let chunkCount = 16
    /// How many users ahead the per-user pass asks for their rows (a few hundred cycles of work
    /// each), and how many ratings ahead the neural model's gather (one lookup each) does.
    static let prefetchDistance = 8
    static let lookupPrefetchDistance = 32

    let layout: FactorLayout
    let threads: Int
    let adam: AdamSettings
    let lazy: Bool
    /// L2 coefficient of the embedding tables (0 for SVD).
    let l2: Float

    let weights: UnsafeMutablePointer<Float>
    /// Adam's moments and the gradient, flat, for the parameters from `flatBase` on: all of them
    /// for exact Adam, only the dense block for lazy Adam, whose embeddings keep theirs in
    /// `rowState` (at 50M ratings the unused part would be gigabytes of zeros).
    private let first: UnsafeMutablePointer<Float>
    private let second: UnsafeMutablePointer<Float>
    let gradient: UnsafeMutablePointer<Float>
    let flatBase: Int
    let maxBatch: Int
    /// Per rating in the batch: prediction minus truth.
    let errors: UnsafeMutablePointer<Float>
    /// Per rating (SVD and RSVD, exact Adam): `delta * p_u`, the movie row's gradient term, computed by
    /// `updateUsers` while it holds the user's row, so `updateMovies` reads it instead of
    /// fetching a random user row again.
    private let movieTerms: UnsafeMutablePointer<Float>
    /// Per rating (neural only): dLoss/dx, `inputWidth` floats each.
    let inputGradients: UnsafeMutablePointer<Float>
    /// Per chunk (neural only): partial gradient of the dense block.
    let denseParts: UnsafeMutablePointer<Float>
    private let scratch: UnsafeMutablePointer<Float>
    private let scratchWidth: Int
    /// Neural only: per chunk (`layerStride` floats), the inputs `x` (`chunkCapacity` ×
    /// `inputWidth`) and room for two hidden layers (`recbook_neural_rows`' scratch).
    let layers: UnsafeMutablePointer<Float>
    let chunkCapacity: Int
    /// Lazy only: per embedding row (users, then movies), `[w | m | v]` of `rowWidth` floats
    /// each (`recordStride` floats): 96 bytes for the article's k = 5, two cache lines.
    private let rowState: UnsafeMutablePointer<Float>
    /// Lazy only: the movies' gradient rows, then one row per chunk for the user it is visiting
    /// (a user's gradient is complete within the visit, so it never needs a row of its own).
    private let lazyGradients: UnsafeMutablePointer<Float>
    let recordStride: Int
    /// Where the user and movie rows' weights and gradients are: the records or the flat tables.
    let userRows: EmbeddingRows
    let movieRows: EmbeddingRows
    /// Where the gradients are summed: the flat tables (exact Adam), or `lazyGradients` (movies;
    /// lazy Adam has no user gradient rows).
    private let userGradients: EmbeddingRows?
    let movieGradients: EmbeddingRows
    /// k factors, then the bias when the model has one, padded to whole eight-lane vectors
    /// (`AdamKernel.dense`'s width).
    let rowWidth: Int
    /// Exact Adam only: each batch's ratings bucketed and grouped by user, and by movie.
    private let userGroups: BatchGroups?
    private let movieGroups: BatchGroups?
    /// Lazy Adam only: the movie rows' gradients, summed per chunk, and eight-lane masks that
    /// pick a record's factor lanes and put a 1 in its bias lane (`LazyLanes`).
    let movieParts: ChunkedRowPartials?
    let lanes: LazyLanes
    var step = 0

    var layerStride: Int { chunkCapacity * layout.inputWidth + 2 * layout.hiddenUnits }

    init(layout: FactorLayout, initial: [Float], maxBatch: Int, threads: Int, adam: AdamSettings, lazy: Bool, l2: Float) {
        precondition(initial.count == layout.count)
        self.layout = layout
        self.threads = threads
        self.adam = adam
        self.lazy = lazy
        self.l2 = l2
        self.maxBatch = maxBatch
        // Exact Adam reads the flat tables at random too (a user's row per rating).
        func table(_ count: Int) -> UnsafeMutablePointer<Float> {
            HugePageMemory.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
                .bindMemory(to: Float.self, capacity: count)
        }
        weights = table(layout.count)
        weights.initialize(from: initial, count: layout.count)
        flatBase = lazy ? layout.denseBlock.lowerBound : 0
        let flatCount = layout.count - flatBase
        first = table(flatCount)
        first.initialize(repeating: 0, count: flatCount)
        second = table(flatCount)
        second.initialize(repeating: 0, count: flatCount)
        gradient = table(flatCount)
        gradient.initialize(repeating: 0, count: flatCount)
        errors = .allocate(capacity: maxBatch)
        errors.initialize(repeating: 0, count: maxBatch)
        let neural = layout.kind == .neural
        let termCount = neural || lazy ? 1 : maxBatch * layout.factors
        movieTerms = .allocate(capacity: termCount)
        movieTerms.initialize(repeating: 0, count: termCount)
        inputGradients = .allocate(capacity: neural ? maxBatch * layout.inputWidth : 1)
        inputGradients.initialize(repeating: 0, count: neural ? maxBatch * layout.inputWidth : 1)
        let denseCount = layout.denseBlock.count
        denseParts = .allocate(capacity: max(1, denseCount * Self.chunkCount))
        denseParts.initialize(repeating: 0, count: max(1, denseCount * Self.chunkCount))
        scratchWidth = layout.inputWidth + layout.hiddenUnits
        scratch = .allocate(capacity: scratchWidth * Self.chunkCount)
        scratch.initialize(repeating: 0, count: scratchWidth * Self.chunkCount)
        // Lazy Adam's chunks end between users, a little past an even split: room for that, so
        // that a chunk rarely needs a second, tiny round of matrix products.
        let evenShare = (maxBatch + Self.chunkCount - 1) / Self.chunkCount
        chunkCapacity = lazy ? evenShare + evenShare / 4 + 1 : evenShare
        let layerCount = neural ? Self.chunkCount * (chunkCapacity * layout.inputWidth + 2 * layout.hiddenUnits) : 1
        layers = .allocate(capacity: layerCount)
        layers.initialize(repeating: 0, count: layerCount)
        rowWidth = (layout.factors + (layout.kind == .svd ? 0 : 1) + 7) / 8 * 8
        recordStride = lazy ? 3 * rowWidth : 0
        let stateCount = lazy ? (layout.users + layout.movies) * recordStride : 1
        rowState = HugePageMemory.allocate(byteCount: stateCount * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: stateCount)
        rowState.initialize(repeating: 0, count: stateCount)
        let gradientCount = lazy ? layout.movies * rowWidth + Self.chunkCount * Self.chunkGradientStride(rowWidth) : 1
        lazyGradients = .allocate(capacity: gradientCount)
        lazyGradients.initialize(repeating: 0, count: gradientCount)
        let k = layout.factors
        let biased = layout.kind != .svd
        if lazy {
            let stride = recordStride
            let movieRecords = rowState + layout.users * stride
            userRows = EmbeddingRows(factors: rowState, factorStride: stride, biases: rowState + k, biasStride: stride)
            movieRows = EmbeddingRows(factors: movieRecords, factorStride: stride, biases: movieRecords + k, biasStride: stride)
            userGradients = nil
            movieGradients = EmbeddingRows(
                factors: lazyGradients, factorStride: rowWidth, biases: lazyGradients + k, biasStride: rowWidth)
        } else {
            userRows = EmbeddingRows(flat: weights, layout.userFactors, layout.userBias, factors: k)
            movieRows = EmbeddingRows(flat: weights, layout.movieFactors, layout.movieBias, factors: k)
            userGradients = EmbeddingRows(flat: gradient, layout.userFactors, layout.userBias, factors: k)
            movieGradients = EmbeddingRows(flat: gradient, layout.movieFactors, layout.movieBias, factors: k)
        }
        if lazy {
            for (rows, count, factors, bias) in [
                (userRows, layout.users, layout.userFactors, layout.userBias),
                (movieRows, layout.movies, layout.movieFactors, layout.movieBias),
            ] {
                for id in 0..<count {
                    rows.row(id).update(from: weights + factors.lowerBound + id * k, count: k)
                    if biased { rows.bias(id).pointee = weights[bias.lowerBound + id] }
                }
            }
        }
        if lazy {
            userGroups = nil
            movieGroups = nil
            movieParts = ChunkedRowPartials(
                rows: layout.movies, rowWidth: rowWidth, chunks: Self.chunkCount, maxBatch: maxBatch)
        } else {
            userGroups = BatchGroups(rows: layout.users, maxBatch: maxBatch, bucketCount: Self.chunkCount)
            movieGroups = BatchGroups(rows: layout.movies, maxBatch: maxBatch, bucketCount: Self.chunkCount)
            movieParts = nil
        }
        lanes = LazyLanes(factors: k, biased: biased, rowWidth: rowWidth)
    }

    deinit {
        for buffer in [errors, inputGradients, denseParts, scratch, layers, movieTerms, lazyGradients] {
            buffer.deallocate()
        }
        for table in [weights, first, second, gradient, rowState] {
            HugePageMemory.deallocate(UnsafeMutableRawPointer(table))
        }
    }

    var parameters: [Float] {
        synchronizeWeights()
        return Array(UnsafeBufferPointer(start: weights, count: layout.count))
    }

    /// Copies the lazy records' weights into the flat `weights` (which `errorSums` and
    /// `parameters` read); nothing to do for exact Adam.
    func synchronizeWeights() {
        guard lazy else { return }
        let k = layout.factors
        let biased = layout.kind != .svd
        let shared = UncheckedSendable(weights)
        for (rows, count, factors, bias) in [
            (userRows, layout.users, layout.userFactors, layout.userBias),
            (movieRows, layout.movies, layout.movieFactors, layout.movieBias),
        ] {
            // Copies, so any split gives the same bits; by hand, as `update(from:count:)` is a
            // memmove call per row of k floats.
            forEachTask(Self.chunkCount, threads: threads) { piece in
                let weights = shared.value
                for id in evenPiece(piece, of: count, pieces: Self.chunkCount) {
                    let from = rows.row(id)
                    let to = weights + factors.lowerBound + id * k
                    for factor in 0..<k { to[factor] = from[factor] }
                    if biased { weights[bias.lowerBound + id] = rows.bias(id).pointee }
                }
            }
        }
    }

    /// One optimiser step on the ratings at `rows` of the three columns (the trainer gathers
    /// each epoch's shuffled order into contiguous columns, so a batch is a range). Returns the
    /// batch's sums of squared and absolute errors.
    func train(
        rows: Range<Int>, users: UnsafePointer<Int32>, movies: UnsafePointer<Int32>, ratings: UnsafePointer<Float>
    ) -> (squared: Double, absolute: Double) {
        if lazy { return lazyStep(rows: rows, users: users, movies: movies, ratings: ratings) }
        step += 1
        let sums = accumulateGradient(rows: rows, users: users, movies: movies, ratings: ratings)
        applyAdam()
        return sums
    }

    /// A copy of the gradient buffer (the data loss's gradient, before the L2 term the
    /// optimiser adds), for tests of exact Adam (lazy Adam keeps only the dense block's).
    var gradientSnapshot: [Float] {
        precondition(!lazy, "lazy Adam keeps the embeddings' gradient in its records")
        return Array(UnsafeBufferPointer(start: gradient, count: layout.count))
    }

    /// Adds the gradient of the batch's mean squared error to the gradient buffer (exact Adam).
    func accumulateGradient(
        rows: Range<Int>, users: UnsafePointer<Int32>, movies: UnsafePointer<Int32>, ratings: UnsafePointer<Float>
    ) -> (squared: Double, absolute: Double) {
        precondition(!lazy, "lazy Adam steps through lazyStep")
        precondition(rows.count > 0 && rows.count <= maxBatch)
        let scale = 2 / Float(rows.count)  // d(mean squared error)/d(prediction) = 2 (p - r) / B
        if layout.kind == .neural {
            neuralChunks(rows: rows, users: users, movies: movies, ratings: ratings)
        }
        userGroups!.bucket(rows.count, ids: users, first: rows.lowerBound)
        updateUsers(rows: rows, users: users, movies: movies, ratings: ratings, scale: scale)
        movieGroups!.bucket(rows.count, ids: movies, first: rows.lowerBound)
        updateMovies(rows: rows, movies: movies, scale: scale)
        return finishBatch(count: rows.count, scale: scale)
    }

    /// The neural model's forward and backward pass, in parallel over fixed chunks of the batch:
    /// each rating's error and dLoss/dx, and each chunk's dense gradient.
    private func neuralChunks(
        rows: Range<Int>, users: UnsafePointer<Int32>, movies: UnsafePointer<Int32>, ratings: UnsafePointer<Float>
    ) {
        let count = rows.count
        let layout = self.layout
        let weights = UnsafePointer(self.weights)
        let (errors, inputGradients, denseParts) = (self.errors, self.inputGradients, self.denseParts)
        let denseCount = layout.denseBlock.count
        let scale = 2 / Float(count)
        let first = rows.lowerBound
        let layers = self.layers
        let (userRows, movieRows) = (self.userRows, self.movieRows)
        forEachChunk(Self.chunkCount, threads: threads) { chunk in
            let part = denseParts + chunk * denseCount
            part.update(repeating: 0, count: denseCount)
            let samples = evenPiece(chunk, of: count, pieces: Self.chunkCount)
            guard !samples.isEmpty else { return }
            Self.neuralChunk(
                weights, layout, userRows: userRows, movieRows: movieRows, samples: samples, first: first,
                users: users, movies: movies, ratings: ratings, scale: scale, layers: layers + chunk * layerStride,
                errors: errors, denseGradient: part, inputGradients: inputGradients)
        }
    }

    /// The batch's error sums; writes the global bias's gradient and adds the chunks' dense
    /// gradients in chunk order.
    private func finishBatch(count: Int, scale: Float) -> (squared: Double, absolute: Double) {
        var squared = 0.0
        var absolute = 0.0
        var globalGradient = 0.0
        for sample in 0..<count {
            let error = errors[sample]
            squared += Double(error) * Double(error)
            absolute += Double(abs(error))
            globalGradient += Double(scale * error)
        }
        setDenseGradient(globalBias: globalGradient)
        return (squared, absolute)
    }

    /// Writes the global bias's gradient (RSVD) and adds the chunks' dense gradients in chunk
    /// order (neural) into the flat gradient, which `applyAdam` then consumes.
    func setDenseGradient(globalBias: Double) {
        if layout.kind == .rsvd { gradient[layout.globalBias.lowerBound - flatBase] = Float(globalBias) }
        guard layout.kind == .neural else { return }
        let denseCount = layout.denseBlock.count
        let base = layout.denseBlock.lowerBound - flatBase
        for chunk in 0..<Self.chunkCount {
            VectorKernels.axpy(1, denseParts + chunk * denseCount, gradient + base, denseCount)
        }
    }

    /// Every user of the batch in one visit, a bucket per chunk in parallel (`BatchGroups`).
    /// SVD and RSVD compute the user's ratings' errors here, and each rating's movie term for
    /// `updateMovies`; the neural model's dLoss/dx is already there. Then the user's gradient, in
    /// rating order.
    private func updateUsers(
        rows: Range<Int>, users: UnsafePointer<Int32>, movies: UnsafePointer<Int32>, ratings: UnsafePointer<Float>,
        scale: Float
    ) {
        let layout = self.layout
        let k = layout.factors
        let width = layout.inputWidth
        let neural = layout.kind == .neural
        let rsvd = layout.kind == .rsvd
        let biased = layout.kind != .svd
        let globalBias = rsvd ? weights[layout.globalBias.lowerBound] : 0
        let first = rows.lowerBound
        let (errors, movieTerms, inputGradients) = (self.errors, self.movieTerms, self.inputGradients)
        let (userRows, userGradients, movieRows) = (self.userRows, self.userGradients!, self.movieRows)
        let groups = userGroups!
        forEachChunk(Self.chunkCount, threads: threads) { chunk in
            let bucket = groups.group(chunk, ids: users, first: first)
            for slot in 0..<bucket.count {
                if slot + Self.prefetchDistance < bucket.count {
                    let ahead = bucket.row(slot + Self.prefetchDistance)
                    // The flat tables' row and bias, weights and gradient: four lines.
                    recbook_prefetch_for_write(userRows.row(ahead))
                    recbook_prefetch_for_write(userGradients.row(ahead))
                    if biased {
                        recbook_prefetch_for_write(userRows.bias(ahead))
                        recbook_prefetch_for_write(userGradients.bias(ahead))
                    }
                }
                let user = bucket.row(slot)
                let userRow = userRows.row(user)
                let gradientRow = userGradients.row(user)
                let gradientBias = userGradients.bias(user)
                for position in bucket.positions(slot) {
                    let sample = Int(position)
                    if neural {
                        // The user's slice of x = [q_i, p_u, b_u, b_i].
                        let dx = inputGradients + sample * width
                        VectorKernels.axpy(1, dx + k, gradientRow, k)
                        gradientBias.pointee += dx[2 * k]
                        continue
                    }
                    let row = first + sample
                    let movie = Int(movies[row])
                    let movieRow = movieRows.row(movie)
                    // FactorForward.predict's sums in its order.
                    var prediction = VectorKernels.dot(userRow, movieRow, k)
                    if rsvd {
                        prediction = prediction + userRows.bias(user).pointee + movieRows.bias(movie).pointee + globalBias
                    }
                    let error = prediction - ratings[row]
                    errors[sample] = error
                    let delta = scale * error
                    // The product axpy would form, rounded the same.
                    let term = movieTerms + sample * k
                    for factor in 0..<k { term[factor] = delta * userRow[factor] }
                    VectorKernels.axpy(delta, movieRow, gradientRow, k)
                    if biased { gradientBias.pointee += delta }
                }
            }
        }
    }

    /// Every movie of the batch in one visit, a bucket per chunk in parallel: its gradient from
    /// the errors and terms `updateUsers` (or the dense layers) left, in rating order.
    private func updateMovies(rows: Range<Int>, movies: UnsafePointer<Int32>, scale: Float) {
        let layout = self.layout
        let k = layout.factors
        let width = layout.inputWidth
        let neural = layout.kind == .neural
        let biased = layout.kind != .svd
        let first = rows.lowerBound
        let (errors, movieTerms, inputGradients) = (self.errors, self.movieTerms, self.inputGradients)
        let movieGradients = self.movieGradients
        let groups = movieGroups!
        forEachChunk(Self.chunkCount, threads: threads) { chunk in
            let bucket = groups.group(chunk, ids: movies, first: first)
            for slot in 0..<bucket.count {
                let movie = bucket.row(slot)
                let gradientRow = movieGradients.row(movie)
                let gradientBias = movieGradients.bias(movie)
                for position in bucket.positions(slot) {
                    let sample = Int(position)
                    if neural {
                        // The movie's slice of x = [q_i, p_u, b_u, b_i].
                        let dx = inputGradients + sample * width
                        VectorKernels.axpy(1, dx, gradientRow, k)
                        gradientBias.pointee += dx[2 * k + 1]
                        continue
                    }
                    let term = movieTerms + sample * k
                    for factor in 0..<k { gradientRow[factor] += term[factor] }
                    if biased { gradientBias.pointee += scale * errors[sample] }
                }
            }
        }
    }

    /// Adam on one lazy record `[w | m | v]` with its summed `gradient` (which it leaves
    /// zeroed); the zero lanes past the row stay zero.
    @inline(__always)
    static func adam(
        record: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>, rowWidth: Int, l2: Float,
        settings: AdamSettings, stepSize: Float
    ) {
        AdamKernel.dense(
            weights: record, first: record + rowWidth, second: record + 2 * rowWidth, gradient: gradient,
            range: 0..<rowWidth, l2: l2, settings: settings, stepSize: stepSize)
    }

    /// Lazy only: chunk `chunk`'s gradient row for the user it is visiting.
    func chunkGradient(_ chunk: Int) -> UnsafeMutablePointer<Float> {
        lazyGradients + layout.movies * rowWidth + chunk * Self.chunkGradientStride(rowWidth)
    }

    /// Chunk gradient rows a cache line apart at least: different threads write them.
    private static func chunkGradientStride(_ rowWidth: Int) -> Int { max(rowWidth, 16) }

    /// Sums of squared and absolute errors of the current parameters on `rows`.
    func errorSums(
        rows: Range<Int>, users: UnsafePointer<Int32>, movies: UnsafePointer<Int32>, ratings: UnsafePointer<Float>
    ) -> (squared: Double, absolute: Double) {
        guard !rows.isEmpty else { return (0, 0) }
        synchronizeWeights()
        let layout = self.layout
        let weights = UnsafePointer(self.weights)
        let scratch = self.scratch
        let scratchWidth = self.scratchWidth
        var sums = [Double](repeating: 0, count: 2 * Self.chunkCount)
        sums.withUnsafeMutableBufferPointer { sums in
            let sums = UncheckedSendable(sums.baseAddress!)
            forEachChunk(Self.chunkCount, threads: threads) { chunk in
                let piece = evenPiece(chunk, of: rows.count, pieces: Self.chunkCount)
                guard !piece.isEmpty else { return }
                var squared = 0.0
                var absolute = 0.0
                for row in rows.lowerBound + piece.lowerBound..<rows.lowerBound + piece.upperBound {
                    let error = Double(
                        FactorForward.predict(
                            weights, layout, user: Int(users[row]), movie: Int(movies[row]),
                            scratch: scratch + chunk * scratchWidth) - ratings[row])
                    squared += error * error
                    absolute += abs(error)
                }
                sums.value[2 * chunk] = squared
                sums.value[2 * chunk + 1] = absolute
            }
        }
        var squared = 0.0
        var absolute = 0.0
        for chunk in 0..<Self.chunkCount {
            squared += sums[2 * chunk]
            absolute += sums[2 * chunk + 1]
        }
        return (squared, absolute)
    }

    /// `l2 * sum(w^2)` over the embedding tables (the loss Keras' regularisers add), or nil
    /// when any parameter is NaN or infinite: one pass for both. Lazy Adam's embeddings are read
    /// from its records, so an epoch without validation never needs the flat copy.
    func penaltyIfFinite() -> Double? {
        let dense = layout.denseBlock
        for index in dense where !weights[index].isFinite { return nil }
        let embeddings: Double?
        if lazy {
            let stride = recordStride
            guard let users = squaresIfFinite(userRows.factors, rows: layout.users, stride: stride, width: rowWidth),
                let movies = squaresIfFinite(movieRows.factors, rows: layout.movies, stride: stride, width: rowWidth)
            else { return nil }
            embeddings = users + movies
        } else {
            // The flat embeddings as rows of eight, then the few left over.
            let whole = dense.lowerBound / 8 * 8
            var rest = 0.0
            for index in whole..<dense.lowerBound {
                guard weights[index].isFinite else { return nil }
                rest += Double(weights[index]) * Double(weights[index])
            }
            embeddings = squaresIfFinite(weights, rows: whole / 8, stride: 8, width: 8).map { $0 + rest }
        }
        guard let embeddings else { return nil }
        return l2 > 0 ? Double(l2) * embeddings : 0
    }

    /// The sum of squares of `rows` rows of `width` floats (a multiple of eight) lying `stride`
    /// floats apart, or nil if any is not finite; in fixed pieces added in piece order.
    private func squaresIfFinite(_ base: UnsafePointer<Float>, rows: Int, stride: Int, width: Int) -> Double? {
        var sums = [Double](repeating: 0, count: Self.chunkCount)
        sums.withUnsafeMutableBufferPointer { sums in
            let shared = UncheckedSendable((sums.baseAddress!, base))
            forEachTask(Self.chunkCount, threads: threads) { piece in
                let (sums, base) = shared.value
                var squares = SIMD8<Double>()
                // w * 0 is 0 for every finite w and NaN otherwise: one NaN poisons the sum.
                var poison = SIMD8<Float>()
                for row in evenPiece(piece, of: rows, pieces: Self.chunkCount) {
                    for lane in Swift.stride(from: 0, to: width, by: 8) {
                        let weight = UnsafeRawPointer(base + row * stride + lane).loadUnaligned(as: SIMD8<Float>.self)
                        poison += weight * 0
                        let wide = SIMD8<Double>(weight)
                        squares += wide * wide
                    }
                }
                sums[piece] = squares.sum() + Double(poison.sum())
            }
        }
        let total = sums.reduce(0, +)
        return total.isFinite ? total : nil
    }

    /// Forward and backward pass of the neural model over one chunk of the batch: gathers each
    /// rating's input `x = [q_i, p_u, b_u, b_i]` into the chunk's layer buffer, then runs the
    /// dense layers rating by rating (`recbook_neural_rows`). Writes each sample's error and
    /// dLoss/dx, adds the dense gradient to `denseGradient` (indexed from
    /// `layout.denseBlock.lowerBound`).
    static func neuralChunk(
        _ weights: UnsafePointer<Float>, _ layout: FactorLayout, userRows: EmbeddingRows, movieRows: EmbeddingRows,
        samples: Range<Int>, first: Int, users: UnsafePointer<Int32>,
        movies: UnsafePointer<Int32>, ratings: UnsafePointer<Float>, scale: Float, layers: UnsafeMutablePointer<Float>,
        errors: UnsafeMutablePointer<Float>, denseGradient: UnsafeMutablePointer<Float>,
        inputGradients: UnsafeMutablePointer<Float>
    ) {
        let k = layout.factors
        let width = layout.inputWidth
        let units = layout.hiddenUnits
        let count = samples.count
        let x = layers
        let hidden = layers + count * width
        let base = layout.denseBlock.lowerBound
        for index in 0..<count {
            let row = first + samples.lowerBound + index
            // The user rows are scattered over megabytes; the ones a few ratings on are known.
            if index + lookupPrefetchDistance < count {
                recbook_prefetch_for_write(userRows.row(Int(users[row + lookupPrefetchDistance])))
            }
            let user = Int(users[row])
            let movie = Int(movies[row])
            let input = x + index * width
            let movieRow = movieRows.row(movie)
            let userRow = userRows.row(user)
            for factor in 0..<k {
                input[factor] = movieRow[factor]
                input[k + factor] = userRow[factor]
            }
            input[2 * k] = userRows.bias(user).pointee
            input[2 * k + 1] = movieRows.bias(movie).pointee
        }
        let targets: UnsafePointer<Float> = ratings + (first + samples.lowerBound)
        let sampleErrors: UnsafeMutablePointer<Float> = errors + samples.lowerBound
        let sampleInputGradients: UnsafeMutablePointer<Float> = inputGradients + samples.lowerBound * width
        func gradient(_ block: Range<Int>) -> UnsafeMutablePointer<Float> { denseGradient + (block.lowerBound - base) }
        recbook_neural_rows(
            Int32(count), Int32(width), Int32(units), x, targets, scale, weights + layout.hiddenWeights.lowerBound,
            weights + layout.hiddenBias.lowerBound, weights + layout.outputWeights.lowerBound,
            weights[layout.outputBias.lowerBound], sampleErrors, sampleInputGradients, gradient(layout.hiddenWeights),
            gradient(layout.hiddenBias), gradient(layout.outputWeights), gradient(layout.outputBias), hidden)
    }

    func applyAdam() {
        let stepSize = adam.stepSize(at: step)
        let settings = adam
        let weights = self.weights
        let first = self.first
        let second = self.second
        let gradient = self.gradient
        let layout = self.layout
        let embeddingL2 = l2
        if lazy {
            // The embedding records were updated as their gradients were summed (`updateUsers`,
            // `updateMovies`); the dense block, all the flat tables hold, is left.
            AdamKernel.dense(
                weights: weights + flatBase, first: first, second: second, gradient: gradient,
                range: 0..<layout.denseBlock.count, l2: 0, settings: settings, stepSize: stepSize)
            return
        }
        // Dense: every parameter moves. Elementwise, so any division of the work gives the same bits.
        let embeddings = 0..<layout.denseBlock.lowerBound
        let shared = UncheckedSendable((weights, first, second, gradient))
        forEachChunk(Self.chunkCount, threads: threads) { piece in
            let (weights, first, second, gradient) = shared.value
            let range = evenPiece(piece, of: embeddings.count, pieces: Self.chunkCount)
            guard !range.isEmpty else { return }
            AdamKernel.dense(
                weights: weights, first: first, second: second, gradient: gradient, range: range, l2: embeddingL2,
                settings: settings, stepSize: stepSize)
        }
        AdamKernel.dense(
            weights: weights, first: first, second: second, gradient: gradient, range: layout.denseBlock, l2: 0,
            settings: settings, stepSize: stepSize)
    }
}

/// Where each user's (or movie's) k factors and bias sit: in the flat tables (stride k and 1)
/// or in lazy Adam's records (both strides one record).
struct EmbeddingRows: @unchecked Sendable {
    let factors: UnsafeMutablePointer<Float>
    let factorStride: Int
    let biases: UnsafeMutablePointer<Float>
    let biasStride: Int

    init(factors: UnsafeMutablePointer<Float>, factorStride: Int, biases: UnsafeMutablePointer<Float>, biasStride: Int) {
        self.factors = factors
        self.factorStride = factorStride
        self.biases = biases
        self.biasStride = biasStride
    }

    /// The flat tables' rows; with no bias block, `bias` points at the factors and must not be used.
    init(flat base: UnsafeMutablePointer<Float>, _ factorBlock: Range<Int>, _ biasBlock: Range<Int>, factors k: Int) {
        self.init(
            factors: base + factorBlock.lowerBound, factorStride: k, biases: base + biasBlock.lowerBound, biasStride: 1)
    }

    @inline(__always) func row(_ id: Int) -> UnsafeMutablePointer<Float> { factors + id * factorStride }
    @inline(__always) func bias(_ id: Int) -> UnsafeMutablePointer<Float> { biases + id * biasStride }
}
