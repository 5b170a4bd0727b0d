/// Dense ids for byte strings, in order of first appearance, without building a `String` per row.
///
/// Reading a million ratings means a million user-name lookups but only a few hundred thousand
/// distinct names; hashing the raw bytes in an open-addressing table and making a `String` only
/// for a new name is what keeps the reader within its benchmark budget. The unsafe pointers here
/// never escape a call.
struct ByteKeyInterner {
    private var arena: [UInt8] = []
    private var keyStart: [Int] = []
    private var keyLength: [Int32] = []
    private var keyHash: [UInt64] = []
    /// Slot -> id + 1; 0 is empty. Capacity is a power of two, kept at most half full.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)
    private(set) var keys: [String] = []

    var count: Int { keys.count }

    /// The id of the bytes, and whether they were seen for the first time. Throws when new bytes
    /// are not valid UTF-8 (the caller names the file and line).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) throws(InvalidUTF8) -> Int32 {
        let hash = Self.hash(bytes)
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if keyHash[id] == hash && equals(id, bytes) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        guard let key = String(validating: bytes, as: UTF8.self) else { throw InvalidUTF8() }
        let id = Int32(keys.count)
        keys.append(key)
        keyStart.append(arena.count)
        keyLength.append(Int32(bytes.count))
        keyHash.append(hash)
        arena.append(contentsOf: bytes)
        slots[slot] = id + 1
        if keys.count * 2 > slots.count {
            grow()
            mask = slots.count - 1
        }
        return id
    }

    struct InvalidUTF8: Error {}

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(keyLength[id]) == bytes.count else { return false }
        let start = keyStart[id]
        return arena.withUnsafeBufferPointer { stored in
            for offset in 0..<bytes.count where stored[start + offset] != bytes[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for id in 0..<keys.count {
            var slot = Int(truncatingIfNeeded: keyHash[id]) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id + 1)
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
