import Foundation

/// Arrays of fixed-width values to and from their raw bytes (native byte order), for caches that
/// must restore a million-row column in one copy instead of parsing it. Both directions copy
/// whole buffers whose sizes are checked first; no pointer outlives its closure.
public enum PackedBytes {
    public static func data<Value: BitwiseCopyable>(_ values: [Value]) -> Data {
        values.withUnsafeBytes { Data($0) }
    }

    /// `count` values read from `bytes`, or `nil` when `bytes` does not hold exactly that many.
    public static func array<Value: BitwiseCopyable>(_: Value.Type, count: Int, from bytes: Data) -> [Value]? {
        guard count >= 0, bytes.count == count * MemoryLayout<Value>.stride else { return nil }
        return [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = bytes.copyBytes(to: buffer) / MemoryLayout<Value>.stride
        }
    }
}
