import Foundation

/// A fitted ALS model as bytes, for the runner's cache: a few million factors restore in one
/// copy each instead of being parsed as JSON numbers.
///
/// Layout (native byte order, so only for caches on the machine that wrote them): `rank`, user
/// count and movie count as three `Int64`, the user factors and movie factors as `Float32`, then
/// one byte per user and per movie, 1 when it had training ratings.
extension ALSModel {
    public func encoded() -> Data {
        var data = PackedBytes.data([Int64(rank), Int64(userRated.count), Int64(movieRated.count)])
        data.append(PackedBytes.data(userFactors))
        data.append(PackedBytes.data(movieFactors))
        data.append(contentsOf: userRated.map { $0 ? 1 : 0 })
        data.append(contentsOf: movieRated.map { $0 ? 1 : 0 })
        return data
    }

    /// The model in `data`, or `nil` when the bytes are not exactly what `encoded()` writes.
    public static func decode(_ data: Data) -> ALSModel? {
        let headerSize = 3 * MemoryLayout<Int64>.stride
        guard data.count >= headerSize,
            let header = PackedBytes.array(Int64.self, count: 3, from: data.prefix(headerSize)),
            header.allSatisfy({ $0 >= 0 && $0 < Int64(Int32.max) })
        else { return nil }
        let (rank, users, movies) = (Int(header[0]), Int(header[1]), Int(header[2]))
        let floatSize = MemoryLayout<Float>.stride
        let userEnd = headerSize + users * rank * floatSize
        let movieEnd = userEnd + movies * rank * floatSize
        guard data.count == movieEnd + users + movies,
            let userFactors = PackedBytes.array(Float.self, count: users * rank, from: slice(data, headerSize, userEnd)),
            let movieFactors = PackedBytes.array(Float.self, count: movies * rank, from: slice(data, userEnd, movieEnd))
        else { return nil }
        let flags = [UInt8](slice(data, movieEnd, data.count))
        guard flags.allSatisfy({ $0 <= 1 }) else { return nil }
        return ALSModel(
            rank: rank, userFactors: userFactors, movieFactors: movieFactors,
            userRated: flags.prefix(users).map { $0 == 1 }, movieRated: flags.dropFirst(users).map { $0 == 1 })
    }

    /// Bytes `from..<to` counted from the start of `data` (which may itself be a slice).
    private static func slice(_ data: Data, _ from: Int, _ to: Int) -> Data {
        data[(data.startIndex + from)..<(data.startIndex + to)]
    }
}
