import Foundation

/// Generates Douban-shaped ratings from a latent-factor model.
///
/// Model: the latent taste of user u for movie i is `b_u + b_i + p_u · q_i + ε` with Gaussian
/// biases, factors and noise. Latent tastes become the ratings 1...5 through thresholds set at
/// the quantiles that give the real Douban shares of each rating; independently of taste, a
/// rating is -1 ("seen but not rated") with the real share of -1. Movie popularity is
/// Zipf-like and user activity log-normal (most users rate one or two movies, a few rate
/// dozens), so the long tails of the real data are there. The ratings file is grouped by movie
/// in the movies file's order, as the real one is.
///
/// Every random step draws from its own stream derived from `config.seed`, and the work is cut
/// into a fixed number of chunks, so the bytes do not depend on the number of threads.
public enum SyntheticDouban {
    public static func generate(_ config: SynthConfig, threads: Int = allCores) throws(DataError) -> SyntheticFiles {
        try config.validate()
        let movies = MovieModel(config)
        let users = UserModel(config)
        let choices = chooseMovies(config, users: users, movies: movies, threads: threads)
        let thresholds = ratingThresholds(config, users: users, movies: movies)
        let ratingsCSV = writeRatings(
            config, users: users, movies: movies, choices: choices, thresholds: thresholds, threads: threads)
        return SyntheticFiles(config: config, ratingsCSV: ratingsCSV, moviesCSV: movies.csv())
    }

    // MARK: Movies

    struct MovieModel {
        let listed: Int
        let factors: Int
        /// Listed positions of the rated movies; the unrated ones start at position 1, as in the real list.
        let ratedPositions: [Int]
        let bias: [Double]
        let factor: [Double]
        /// Weights by rated-movie number; the alias table draws from the same weights.
        let popularityWeights: [Double]
        let popularity: AliasTable
        let rawIds: [String]
        let titles: [String]
        let scores: [Double]

        init(_ config: SynthConfig) {
            var generator = SplitMix64(seed: SplitMix64.derived(config.seed, 1))
            listed = config.listedMovies
            factors = config.factors
            let unrated = config.listedMovies - config.ratedMovies
            let unratedPositions = 1..<(1 + unrated)
            ratedPositions = (0..<listed).filter { !unratedPositions.contains($0) }
            let factorScale = (0.55 / Double(config.factors).squareRoot()).squareRoot()
            bias = (0..<listed).map { _ in 0.3 * generator.nextGaussian() }
            factor = (0..<listed * config.factors).map { _ in factorScale * generator.nextGaussian() }
            var ranks = Array(0..<ratedPositions.count)
            ranks.shuffle(using: &generator)
            popularityWeights = ranks.map { 1 / pow(Double($0) + 4, 0.9) }
            popularity = AliasTable(weights: popularityWeights)
            var idGenerator = SplitMix64(seed: SplitMix64.derived(config.seed, 2))
            var usedIds = Set<Int>()
            rawIds = (0..<listed).map { _ in
                var id = 0
                repeat { id = 1_000_000 + Int(idGenerator.next() % 26_000_000) } while !usedIds.insert(id).inserted
                return String(id)
            }
            titles = (0..<listed).map(MovieTitles.title(for:))
            scores = bias.map { b in
                let score = 6.7 + 2.6 * b + 0.35 * generator.nextGaussian()
                return (min(9.0, max(4.1, score)) * 10).rounded() / 10
            }
        }

        func csv() -> Data {
            var text = ""
            for position in 0..<listed {
                text += "\(rawIds[position]),\(String(format: "%.1f", scores[position])),\(titles[position])\n"
            }
            return Data(text.utf8)
        }
    }

    // MARK: Users

    struct UserModel {
        let count: Int
        let bias: [Float]
        /// Floats: at 50M ratings there are 11M users, and these are the generator's largest arrays.
        let factor: [Float]
        /// How many movies each user rates.
        let activity: [Int]
        /// Every user's name, back to back (one allocation instead of one per user).
        let nameBytes: [UInt8]
        let nameOffsets: [Int]

        init(_ config: SynthConfig) {
            var generator = SplitMix64(seed: SplitMix64.derived(config.seed, 3))
            count = config.users
            let factorScale = (0.55 / Double(config.factors).squareRoot()).squareRoot()
            bias = (0..<count).map { _ in Float(0.4 * generator.nextGaussian()) }
            factor = (0..<count * config.factors).map { _ in Float(factorScale * generator.nextGaussian()) }
            let appetite = (0..<count).map { _ in exp(1.15 * generator.nextGaussian()) }
            activity = Self.activity(appetite: appetite, total: config.ratings, cap: config.ratedMovies)
            var nameBytes: [UInt8] = []
            var nameOffsets = [0]
            nameBytes.reserveCapacity(count * 12)
            nameOffsets.reserveCapacity(count + 1)
            for user in 0..<count {
                UserNames.appendName(for: user, to: &nameBytes)
                nameOffsets.append(nameBytes.count)
            }
            self.nameBytes = nameBytes
            self.nameOffsets = nameOffsets
        }

        /// `1 + floor(c * appetite)` capped at the movie count, with `c` as large as keeps the sum
        /// within `total`; the remainder goes one by one to users with room, in user order.
        private static func activity(appetite: [Double], total: Int, cap: Int) -> [Int] {
            func counts(_ c: Double) -> [Int] { appetite.map { min(cap, 1 + Int(c * $0)) } }
            var low = 0.0
            var high = Double(total)
            for _ in 0..<40 {
                let middle = (low + high) / 2
                if counts(middle).reduce(0, +) <= total { low = middle } else { high = middle }
            }
            var result = counts(low)
            var missing = total - result.reduce(0, +)
            while missing > 0 {
                for user in result.indices where missing > 0 && result[user] < cap {
                    result[user] += 1
                    missing -= 1
                }
            }
            return result
        }
    }

    // MARK: Who rates what

    /// Movie positions (into `ratedPositions`) chosen by each user, flattened, with offsets.
    struct Choices {
        var offsets: [Int]
        var movies: [Int32]
    }

    static let chunkCount = 64

    private static func chooseMovies(_ config: SynthConfig, users: UserModel, movies: MovieModel, threads: Int) -> Choices {
        var offsets = [Int](repeating: 0, count: users.count + 1)
        for user in 0..<users.count { offsets[user + 1] = offsets[user] + users.activity[user] }
        let userOffsets = offsets
        var chosen = [Int32](repeating: 0, count: offsets[users.count])
        let rated = movies.ratedPositions.count
        let chunkSize = (users.count + chunkCount - 1) / chunkCount
        DisjointWrites.with(&chosen) { output in
            forEachTask(chunkCount, threads: threads) { chunk in
                var generator = SplitMix64(seed: SplitMix64.derived(config.seed, 1_000 + UInt64(chunk)))
                var stamp = [Int](repeating: -1, count: rated)
                let first = chunk * chunkSize
                let last = min(users.count, first + chunkSize)
                guard first < last else { return }
                for user in first..<last {
                    var cursor = userOffsets[user]
                    let wanted = users.activity[user]
                    if wanted * 3 <= rated {
                        // Few movies: draw by popularity and redraw repeats.
                        var taken = 0
                        while taken < wanted {
                            let movie = movies.popularity.draw(&generator)
                            if stamp[movie] == user { continue }
                            stamp[movie] = user
                            output[cursor] = Int32(movie)
                            cursor += 1
                            taken += 1
                        }
                    } else {
                        // Many movies: weighted sampling without replacement (Efraimidis-Spirakis).
                        var keyed = (0..<rated).map { movie in
                            (key: log(max(generator.nextUnit(), 1e-300)) / movies.popularityWeights[movie], movie: movie)
                        }
                        keyed.sort { $0.key > $1.key || ($0.key == $1.key && $0.movie < $1.movie) }
                        for entry in keyed.prefix(wanted) {
                            output[cursor] = Int32(entry.movie)
                            cursor += 1
                        }
                    }
                }
            }
        }
        return Choices(offsets: offsets, movies: chosen)
    }

    // MARK: Ratings

    private static func latent(_ user: Int, _ position: Int, _ users: UserModel, _ movies: MovieModel) -> Double {
        var dot = 0.0
        let k = movies.factors
        for f in 0..<k { dot += Double(users.factor[user * k + f]) * movies.factor[position * k + f] }
        return Double(users.bias[user]) + movies.bias[position] + dot
    }

    static let noise = 0.55

    /// The latent tastes at which the rating steps from 1 to 2, 2 to 3, 3 to 4 and 4 to 5,
    /// read off a sorted sample of latent tastes.
    private static func ratingThresholds(_ config: SynthConfig, users: UserModel, movies: MovieModel) -> [Double] {
        var generator = SplitMix64(seed: SplitMix64.derived(config.seed, 4))
        let sampleSize = 200_000
        var sample = (0..<sampleSize).map { _ -> Double in
            let user = Int(generator.next() % UInt64(users.count))
            let position = movies.ratedPositions[movies.popularity.draw(&generator)]
            return latent(user, position, users, movies) + noise * generator.nextGaussian()
        }
        sample.sort()
        let counts = SynthConfig.ratingCounts.dropFirst()
        let total = counts.reduce(0, +)
        var cumulative = 0.0
        return counts.dropLast().map { count in
            cumulative += count
            return sample[min(sampleSize - 1, Int(cumulative / total * Double(sampleSize)))]
        }
    }

    private static func writeRatings(
        _ config: SynthConfig, users: UserModel, movies: MovieModel, choices: Choices, thresholds: [Double], threads: Int
    ) -> Data {
        let rated = movies.ratedPositions.count
        // Group the choices by movie, users in index order within a movie.
        var start = [Int](repeating: 0, count: rated + 1)
        for movie in choices.movies { start[Int(movie) + 1] += 1 }
        for movie in 0..<rated { start[movie + 1] += start[movie] }
        var fill = start
        var usersByMovie = [Int32](repeating: 0, count: choices.movies.count)
        for user in 0..<users.count {
            for index in choices.offsets[user]..<choices.offsets[user + 1] {
                let movie = Int(choices.movies[index])
                usersByMovie[fill[movie]] = Int32(user)
                fill[movie] += 1
            }
        }
        let blockStart = start
        let blockUsers = usersByMovie
        let minusOneShare = SynthConfig.ratingCounts[0] / SynthConfig.ratingCounts.reduce(0, +)
        var blocks = [[UInt8]](repeating: [], count: rated)
        DisjointWrites.with(&blocks) { output in
            forEachTask(rated, threads: threads) { movie in
                var generator = SplitMix64(seed: SplitMix64.derived(config.seed, 100_000 + UInt64(movie)))
                let position = movies.ratedPositions[movie]
                let movieId = Array(movies.rawIds[position].utf8)
                var bytes: [UInt8] = []
                bytes.reserveCapacity((blockStart[movie + 1] - blockStart[movie]) * 24)
                for index in blockStart[movie]..<blockStart[movie + 1] {
                    let user = Int(blockUsers[index])
                    let taste = latent(user, position, users, movies) + noise * generator.nextGaussian()
                    let seenOnly = generator.nextUnit() < minusOneShare
                    bytes.append(contentsOf: users.nameBytes[users.nameOffsets[user]..<users.nameOffsets[user + 1]])
                    bytes.append(0x2C)
                    bytes.append(contentsOf: movieId)
                    bytes.append(0x2C)
                    if seenOnly {
                        bytes.append(0x2D)
                        bytes.append(0x31)
                    } else {
                        let rating = 1 + thresholds.count(where: { taste > $0 })
                        bytes.append(0x30 + UInt8(rating))
                    }
                    bytes.append(0x0A)
                }
                output[movie] = bytes
            }
        }
        // One exact allocation; each block is freed once copied, so the peak stays near one copy.
        var data = Data(capacity: blocks.reduce(0) { $0 + $1.count })
        for index in blocks.indices {
            data.append(contentsOf: blocks[index])
            blocks[index] = []
        }
        return data
    }
}
