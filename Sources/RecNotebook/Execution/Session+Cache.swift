import Foundation
import RecEngine

/// The cache as expensive verbs see it: wrap the expensive step, get its value back.
///
///     let model = try session.cached("fit svd", invocation, key: "\(config)") { () throws(NotebookError) in
///         try fitSVD(config, on: split.train)
///     }
///     session.models[name] = model   // later cells find the model whether it was fitted or restored
///
/// The key is the cell's inputs (`CacheInputs`): the engine, every loaded file's digest, the
/// parameters, every earlier cell's text and this cell's text, plus `key`. Put into the value
/// everything later cells need (a fitted model, a correlation matrix), because a hit skips
/// `compute` entirely. Without `--cache` (or with `--no-cache`) this is just `compute()`.
extension Session {
    /// A `Codable` value, stored as JSON (floats round-trip exactly).
    func cached<Value: Codable>(
        _ name: String, _ invocation: Invocation, key: String = "", compute: () throws(NotebookError) -> Value
    ) throws(NotebookError) -> Value {
        try cached(
            name, invocation, key: key,
            encode: { try? Self.cacheEncoder().encode($0) },
            decode: { try? Self.cacheDecoder().decode(Value.self, from: $0) },
            compute: compute)
    }

    /// Raw bytes, for verbs that pack large float buffers themselves.
    func cached(
        _ name: String, _ invocation: Invocation, key: String = "", compute: () throws(NotebookError) -> Data
    ) throws(NotebookError) -> Data {
        try cached(name, invocation, key: key, encode: { $0 }, decode: { $0 }, compute: compute)
    }

    /// Any value, with its own encoding; `decode` returning `nil` counts as a corrupt entry.
    func cached<Value>(
        _ name: String, _ invocation: Invocation, key: String,
        encode: (Value) -> Data?, decode: (Data) -> Value?, compute: () throws(NotebookError) -> Value
    ) throws(NotebookError) -> Value {
        try cachedEntry(name, invocation, key: key, encode: encode, decode: decode, compute: compute).value
    }

    /// The value with the SHA-256 of the bytes it is cached as: what it was restored from, or
    /// what was just stored (`nil` without a cache, or when it could not be encoded). Two
    /// values with the same digest are the same value, whichever run computed them.
    ///
    /// `content`, when given, says everything the value is a function of (the training rows'
    /// digest and the settings, for a fit): a value computed from the same content in any
    /// other cell, or another notebook of the book, is then reused (`CacheReference`).
    func cachedEntry<Value>(
        _ name: String, _ invocation: Invocation, key: String, content: String? = nil,
        encode: (Value) -> Data?, decode: (Data) -> Value?, compute: () throws(NotebookError) -> Value
    ) throws(NotebookError) -> (value: Value, sha256: String?) {
        guard let store = context.cache, let scope = currentCell else { return (try compute(), nil) }
        let line = invocation.location.line
        let slot = scope.slot(line: line, name: name)
        let engine = EngineVersion.current + (context.engineBuild.isEmpty ? "" : " " + context.engineBuild)
        let inputs = CacheInputs(
            engine: engine, data: sources.map { "\($0.role):\($0.sha256)" }, parameters: parameters,
            earlierCells: scope.earlierCells, cell: scope.cell, extra: key)
        let reason: CacheEvent.Reason
        switch store.lookup(slot: slot, inputs: inputs) {
        case .hit(let payload, let sha256):
            if let value = decode(payload) {
                cacheEvents.append(CacheEvent(name: name, line: line, hit: true))
                return (value, sha256)
            }
            // The bytes are intact but do not decode as this verb's value: an entry from an
            // older layout of the value. Drop it like a corrupt one.
            try? FileManager.default.removeItem(atPath: store.path(for: slot))
            reason = .corruptEntry
        case .miss(let why):
            reason = why
        }
        if let content, let found = store.lookup(content: content, engine: engine), let value = decode(found.payload) {
            cacheEvents.append(CacheEvent(name: name, line: line, hit: true, sameAs: found.slot))
            return (value, found.sha256)
        }
        let value = try compute()
        var event = CacheEvent(name: name, line: line, hit: false, reason: reason)
        var sha256: String?
        if let payload = encode(value) {
            do {
                let stored = try store.store(slot: slot, inputs: inputs, payload: payload)
                sha256 = stored
                if let content { try store.storeReference(content: content, engine: engine, slot: slot, sha256: stored) }
            } catch {
                event.saveError = error.description
            }
        } else {
            event.saveError = "the value could not be encoded"
        }
        cacheEvents.append(event)
        return (value, sha256)
    }

    /// What a fit on `table` with `settings` is a function of, for `cachedEntry(content:)`: the
    /// loaded files (they give the rows' ids their meaning), the training rows themselves and
    /// the settings (seed included). `nil` without a cache, so an uncached run never hashes rows.
    func fitContent(_ table: RatingsTable, settings: String) -> String? {
        guard context.cache != nil else { return nil }
        let files = sources.map { "\($0.role):\($0.sha256)" }.joined(separator: " ")
        return "fit; files \(files); training rows \(Self.digest(table)); settings \(settings)"
    }

    static func cacheEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "NaN")
        return encoder
    }

    static func cacheDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "NaN")
        return decoder
    }
}
