import Foundation
import RecEngine

/// The files exchanged with the Spark driver's `als` request, and the checks on what comes back.
/// Nothing from Spark is trusted: row counts, ids and numbers are all checked.
enum SparkJobFiles {
    static let outputs = ["predictions.csv", "user_factors.csv", "movie_factors.csv"]

    /// Writes the split's rows for the driver (`train.csv`, and `test.csv` with row numbers).
    static func writeSplit(train: RatingsTable, test: RatingsTable, folder: String) throws(SparkError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try write(path(folder, "train.csv"), csv(train, withRow: false))
            try write(path(folder, "test.csv"), csv(test, withRow: true))
        } catch {
            throw .cannotWrite(path: folder, reason: (error as NSError).localizedDescription)
        }
    }

    /// Makes `folder` ready for a run's output: a previous run's must never be read as this one's.
    static func clearOutputs(folder: String) throws(SparkError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for name in outputs { try? FileManager.default.removeItem(atPath: path(folder, name)) }
        } catch {
            throw .cannotWrite(path: folder, reason: (error as NSError).localizedDescription)
        }
    }

    static func read(
        folder: String, train: RatingsTable, test: RatingsTable, rank: Int, timings: SparkALSResult.Timings,
        master: String, sparkVersion: String
    ) throws(SparkError) -> SparkALSResult {
        var trainedUsers = [Bool](repeating: false, count: train.userCount)
        var trainedMovies = [Bool](repeating: false, count: train.movieCount)
        for row in 0..<train.count {
            trainedUsers[Int(train.users[row])] = true
            trainedMovies[Int(train.movies[row])] = true
        }
        let predictions = try readPredictions(folder, test: test, trainedUsers: trainedUsers, trainedMovies: trainedMovies)
        var users = try readFactors(folder, "user_factors.csv", count: train.userCount, rank: rank)
        var movies = try readFactors(folder, "movie_factors.csv", count: train.movieCount, rank: rank)
        // Spark returns factors only for ids it trained on; the rest cannot be estimated.
        let userRated = (0..<train.userCount).map { trainedUsers[$0] && users[$0 * rank].isFinite }
        let movieRated = (0..<train.movieCount).map { trainedMovies[$0] && movies[$0 * rank].isFinite }
        for index in users.indices where !users[index].isFinite { users[index] = 0 }
        for index in movies.indices where !movies[index].isFinite { movies[index] = 0 }
        let model = ALSModel(rank: rank, userFactors: users, movieFactors: movies, userRated: userRated, movieRated: movieRated)
        return SparkALSResult(
            predictions: predictions, model: model, timings: timings, master: master, sparkVersion: sparkVersion)
    }

    private static func readPredictions(
        _ folder: String, test: RatingsTable, trainedUsers: [Bool], trainedMovies: [Bool]
    ) throws(SparkError) -> [Double] {
        let rows = try lines(folder, "predictions.csv", missing: "missing")
        guard rows.count == test.count else {
            throw .invalidOutput(
                file: "predictions.csv", reason: "\(rows.count) predictions for \(test.count) test ratings (truncated or wrong)")
        }
        var predictions = [Double](repeating: .nan, count: test.count)
        for (line, text) in rows.enumerated() {
            let fields = text.split(separator: ",")
            guard fields.count == 2, let row = Int(fields[0]), row == line, let value = Double(fields[1]) else {
                throw .invalidOutput(
                    file: "predictions.csv", reason: "line \(line + 1) is not `\(line),PREDICTION`: \(text.prefix(60))")
            }
            let user = Int(test.users[row])
            let movie = Int(test.movies[row])
            if !value.isFinite {
                let cold =
                    user >= trainedUsers.count || !trainedUsers[user] || movie >= trainedMovies.count || !trainedMovies[movie]
                guard cold, value.isNaN else {
                    throw .invalidOutput(
                        file: "predictions.csv",
                        reason:
                            "line \(line + 1): prediction \(fields[1]) for user \(user) and movie \(movie), which both have training ratings"
                    )
                }
            }
            predictions[row] = value
        }
        return predictions
    }

    private static func readFactors(_ folder: String, _ name: String, count: Int, rank: Int) throws(SparkError) -> [Float] {
        var factors = [Float](repeating: .nan, count: count * rank)
        for (line, text) in try lines(folder, name, missing: "missing").enumerated() {
            let fields = text.split(separator: ",")
            guard fields.count == rank + 1, let id = Int(fields[0]), (0..<count).contains(id) else {
                throw .invalidOutput(file: name, reason: "line \(line + 1) is not an id below \(count) and \(rank) factors")
            }
            for f in 0..<rank {
                guard let value = Float(fields[f + 1]), value.isFinite else {
                    throw .invalidOutput(
                        file: name, reason: "line \(line + 1): factor \(f + 1) is `\(fields[f + 1])`, not a finite number")
                }
                factors[id * rank + f] = value
            }
        }
        return factors
    }

    private static func lines(_ folder: String, _ name: String, missing: String) throws(SparkError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path(folder, name)) else {
            throw .invalidOutput(file: name, reason: missing)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .invalidOutput(file: name, reason: "not UTF-8 text") }
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    private static func csv(_ table: RatingsTable, withRow: Bool) -> String {
        var text = ""
        text.reserveCapacity(table.count * 20)
        for row in 0..<table.count {
            if withRow { text += "\(row)," }
            text += "\(table.users[row]),\(table.movies[row]),\(table.ratings[row])\n"
        }
        return text
    }

    private static func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func path(_ folder: String, _ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }
}
