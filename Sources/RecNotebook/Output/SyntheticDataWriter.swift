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
        try AtomicFile.write(try marker(config), to: (folder as NSString).appendingPathComponent(markerName))
        return Written(ratingsPath: ratingsPath, moviesPath: moviesPath, ratings: config.ratings, movies: config.listedMovies)
    }

    /// The file beside the generated ones that records the settings they were made with, so that
    /// a `load` of them says they are synthetic rather than real (their layout is the real one).
    public static let markerName = "synth.json"

    /// The settings `recbook synth` wrote into `folder`, or nil when it holds no (readable) marker.
    public static func config(in folder: String) -> SynthConfig? {
        let path = (folder as NSString).appendingPathComponent(markerName)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(SynthConfig.self, from: data)
    }

    private static func marker(_ config: SynthConfig) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            return try encoder.encode(config) + Data("\n".utf8)
        } catch {
            throw ReportError.cannotWrite(path: markerName, reason: "\(error)")
        }
    }
}
