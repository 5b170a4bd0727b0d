import Foundation
import RecEngine

/// Every movies layout (UTF-8, latin-1, RFC 4180 quotes) on arbitrary bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMovies(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Data(bytes: data, count: size)
    for var format in [MoviesFormat.douban, .movieLens100K, .movieLens1M, .movieLensLatest] {
        for skip in [false, true] {
            format.skipMalformed = skip
            _ = try? MoviesReader.parse(bytes, source: "fuzz", format: format)
        }
    }
    return 0
}
