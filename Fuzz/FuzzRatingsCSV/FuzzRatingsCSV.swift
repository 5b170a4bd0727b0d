import Foundation
import RecEngine

/// Every ratings layout on arbitrary bytes, stopping and skipping: a table or a `DataError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRatings(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Data(bytes: data, count: size)
    for var format in [RatingsFormat.douban, .movieLens100K, .movieLens1M, .movieLensLatest] {
        for skip in [false, true] {
            format.skipMalformed = skip
            if let loaded = try? RatingsReader.parse(bytes, source: "fuzz", format: format) {
                precondition(loaded.table.users.count == loaded.table.ratings.count)
                precondition(loaded.table.users.allSatisfy { Int($0) < loaded.table.userCount })
            }
        }
    }
    return 0
}
