import Foundation

/// Douban-shaped files made from a seed, in the same layouts as the real `user_movies.csv` and
/// `hot_movies.csv`.
public struct SyntheticFiles: Sendable {
    public var config: SynthConfig
    public var ratingsCSV: Data
    public var moviesCSV: Data
}
