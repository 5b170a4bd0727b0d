import Foundation
import RecEngine
import RecSpark

/// A Spark ALS run as cache bytes, so that re-rendering an unchanged notebook does not start a
/// JVM again: one JSON line (master, version, timings, prediction count), then the predictions
/// as packed `Double`s and the model as `ALSModel.encoded()` writes it.
extension SparkALSResult {
    private struct CacheHeader: Codable {
        var master: String
        var sparkVersion: String
        var timings: Timings
        var predictionCount: Int
    }

    func cacheBytes() -> Data? {
        let header = CacheHeader(
            master: master, sparkVersion: sparkVersion, timings: timings, predictionCount: predictions.count)
        guard var data = try? JSONEncoder().encode(header) else { return nil }
        data.append(0x0A)
        data.append(PackedBytes.data(predictions))
        data.append(model.encoded())
        return data
    }

    /// The run in `data`, or `nil` for anything `cacheBytes()` did not write.
    static func fromCache(_ data: Data) -> SparkALSResult? {
        guard let newline = data.firstIndex(of: 0x0A),
            let header = try? JSONDecoder().decode(CacheHeader.self, from: data[data.startIndex..<newline]),
            header.predictionCount >= 0
        else { return nil }
        let predictionsEnd = newline + 1 + header.predictionCount * MemoryLayout<Double>.stride
        guard predictionsEnd <= data.endIndex,
            let predictions = PackedBytes.array(
                Double.self, count: header.predictionCount, from: data[(newline + 1)..<predictionsEnd]),
            let model = ALSModel.decode(data[predictionsEnd...])
        else { return nil }
        return SparkALSResult(
            predictions: predictions, model: model, timings: header.timings, master: header.master,
            sparkVersion: header.sparkVersion)
    }
}
