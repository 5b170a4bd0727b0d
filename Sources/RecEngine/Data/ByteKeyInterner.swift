import CIntrinsics
import Foundation

/// Dense ids for byte strings, in order of first appearance, without building a `String` per row.
///
/// Reading a million ratings means a million user-name lookups but only a few hundred thousand
/// distinct names. An open-addressing table whose slots pack 32 bits of the hash with the id
/// settles most lookups with one memory access, and a `String` is made only for a new name.
/// At millions of names the table is far bigger than the caches and each lookup waits on memory,
/// so the table lives in huge pages and a reader can `prefetch` a key's slot some rows ahead.
/// The unsafe pointers here never escape a call.
struct ByteKeyInterner: Sendable {
    /// All keys' bytes, back to back; key `i` is `arena[offsets[i]..<offsets[i + 1]]`.
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    /// `hash >> 32 << 32 | (id + 1)`, or 0 for an empty slot. A power of two, at most half full.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    private(set) var keys: [String] = []

    var count: Int { keys.count }

    struct InvalidUTF8: Error {}

    /// The id of the bytes, adding them when new. Throws when new bytes are not valid UTF-8
    /// (the caller names the file and line).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) throws(InvalidUTF8) -> Int32 {
        let hash = Self.hash(bytes)
        let (found, slot) = find(bytes, hash)
        if let found { return found }
        guard let key = String(validating: bytes, as: UTF8.self) else { throw InvalidUTF8() }
        let id = keys.count
        keys.append(key)
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
        if keys.count * 2 > slots.count { grow() }
        return Int32(id)
    }

    /// Starts fetching the slot where a lookup of the bytes begins; a hint with no effect on ids.
    func prefetch(_ bytes: UnsafeBufferPointer<UInt8>) {
        let slot = Int(truncatingIfNeeded: Self.hash(bytes)) & (slots.count - 1)
        slots.withUnsafeBufferPointer { recbook_prefetch_for_write($0.baseAddress! + slot) }
    }

    /// The id of `key`, or `nil` when it was never interned.
    func id(of key: String) -> Int? {
        var copy = key
        return copy.withUTF8 { bytes in
            find(bytes, Self.hash(bytes)).id.map(Int.init)
        }
    }

    /// The id of the bytes if present, else the empty slot where they would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> (id: Int32?, slot: Int) {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                offsets.withUnsafeBufferPointer { offsets in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return (nil, slot) }
                        if entry & 0xFFFF_FFFF_0000_0000 == tag {
                            let id = Int(entry & 0xFFFF_FFFF) - 1
                            let start = offsets[id]
                            let length = offsets[id + 1] - start
                            if length == bytes.count
                                && (length == 0 || Self.same(arena.baseAddress! + start, bytes.baseAddress!, length))
                            {
                                return (Int32(id), slot)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Byte equality, eight bytes at a time: names are short, and a call to memcmp costs more
    /// than the comparison itself.
    @inline(__always)
    private static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        var offset = 0
        while offset + 8 <= length {
            let left = UnsafeRawPointer(a + offset).loadUnaligned(as: UInt64.self)
            let right = UnsafeRawPointer(b + offset).loadUnaligned(as: UInt64.self)
            if left != right { return false }
            offset += 8
        }
        while offset < length {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Rehashes the keys in id order: the arena is read front to back, where walking the old
    /// slots would fetch each key's bytes from a random place.
    private mutating func grow() {
        var bigger = HugePageMemory.array(repeating: UInt64(0), count: slots.count * 2)
        let mask = bigger.count - 1
        arena.withUnsafeBufferPointer { arena in
            for id in 0..<keys.count {
                let hash = Self.hash(UnsafeBufferPointer(rebasing: arena[offsets[id]..<offsets[id + 1]]))
                var slot = Int(truncatingIfNeeded: hash) & mask
                while bigger[slot] != 0 { slot = (slot + 1) & mask }
                bigger[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
            }
        }
        slots = bigger
    }

    /// FNV-1a with a final avalanche, so short, similar names spread over the table.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }
}
