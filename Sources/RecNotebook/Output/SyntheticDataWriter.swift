import Foundation
import RecEngine

/// Writes `recbook synth`'s files: the same layouts and names as the real Douban files.
public enum SyntheticDataWriter {
    public struct Written: Sendable {
        public var ratingsPath: String
        public var moviesPath: String
        public var ratings: Int
        public var movies: Int
    }

    public static func write(_ config: SynthConfig, to folder: String) throws -> Written {
        let files = try SyntheticDouban.generate(config)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportError.cannotWrite(path: folder, reason: (error as NSError).localizedDescription)
        }
        let ratingsPath = (folder as NSString).appendingPathComponent("user_movies.csv")
        let moviesPath = (folder as NSString).appendingPathComponent("hot_movies.csv")
        try AtomicFile.write(files.ratingsCSV, to: ratingsPath)
        try AtomicFile.write(files.moviesCSV, to: moviesPath)
        return Written(ratingsPath: ratingsPath, moviesPath: moviesPath, ratings: config.ratings, movies: config.listedMovies)
    }
}
