import CIntrinsics
import Dispatch

/// Dense ids for byte strings, in order of first appearance, without building a `String` per row.
///
/// Reading a million ratings means a million user-name lookups but only a few hundred thousand
/// distinct names. Each key is stored once as a record, `[id | length | bytes]`, in id order;
/// an open-addressing table of slots packs 32 bits of a key's hash with where its record
/// starts. A lookup reads one slot and, when the hash bits match, that one record: at millions
/// of names both are far bigger than the caches, so a reader asks for them some rows ahead
/// (`prefetchSlot`, then `prefetchRecord` once the slot has arrived), and the table lives in
/// huge pages. A `String` is made only for a new name. Bytes are read through `ByteView`.
struct ByteKeyInterner: Sendable {
    /// The records, back to back from offset 0, each padded to a multiple of 4 bytes: a 32-bit
    /// id, a 32-bit length, then the key's bytes.
    private var records: [UInt8] = []
    /// `hash >> 32 << 32 | (recordOffset / 4 + 1)`, or 0 for an empty slot. A power of two, at
    /// most half full.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    private(set) var keys: [String] = []

    var count: Int { keys.count }

    /// Why new bytes could not be interned (the caller names the file and line).
    enum Failure: Error {
        /// The bytes are not valid UTF-8.
        case invalidUTF8
        /// The records would pass the 16 GB a slot can address.
        case tooManyKeys
    }

    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000
    private static let headerSize = 8

    /// Makes room for `keys` keys of about `averageLength` bytes without moving the storage as it
    /// fills: at millions of keys each doubling copies hundreds of megabytes into fresh pages.
    /// Room that is never used is never touched, so it costs address space, not memory.
    mutating func reserveCapacity(keys count: Int, averageLength: Int) {
        keys.reserveCapacity(count)
        records.reserveCapacity(count * Self.recordSize(averageLength))
    }

    /// The id of the bytes, adding them when new.
    mutating func intern(_ bytes: ByteView) throws(Failure) -> Int32 {
        let hash = Self.hash(bytes)
        let (found, slot) = find(bytes, hash)
        if let found { return found }
        guard let key = bytes.validatedString() else { throw .invalidUTF8 }
        try add(bytes, key: key, hash: hash, slot: slot)
        return Int32(keys.count - 1)
    }

    init() {}

    /// The keys stored back to back in `bytes`, key `i` ending at `ends[i]`, with ids in that
    /// order; `nil` when the ends do not step through `bytes` exactly, a key repeats, or a key
    /// is not UTF-8. How a cache restores a few hundred thousand names without parsing them.
    init?(packed bytes: [UInt8], ends: [Int]) {
        guard (ends.last ?? 0) == bytes.count else { return nil }
        self.init()
        reserveCapacity(keys: ends.count, averageLength: ends.isEmpty ? 0 : bytes.count / ends.count)
        var start = 0
        for (index, end) in ends.enumerated() {
            guard end >= start, end <= bytes.count else { return nil }
            let id = ByteView.with(bytes) { all in try? intern(all.slice(start..<end)) }
            // A repeated key gets the id of its first appearance, not the next one.
            guard let id, Int(id) == index else { return nil }
            start = end
        }
    }

    /// Starts fetching the slot where a lookup of a key with this hash begins; a hint only.
    func prefetchSlot(hash: UInt64) {
        let slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        SharedReads.with(slots) { $0.memory.prefetchForWrite(slot) }
    }

    /// Starts fetching the record of the first slot from the hash's home whose hash bits match,
    /// which is almost always the key's own; a hint only. Worth it once `prefetchSlot` has
    /// brought the slot in.
    func prefetchRecord(hash: UInt64) {
        let tag = hash & Self.tagMask
        SharedReads.with(slots) { slots in
            ByteView.with(records) { records in
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                for _ in 0..<8 {
                    let entry = slots[slot]
                    if entry == 0 { return }
                    if entry & Self.tagMask == tag {
                        let record = Self.offset(entry)
                        records.prefetch(at: record)
                        records.prefetch(at: record + Self.headerSize + 15)
                        return
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The id of `key`, or `nil` when it was never interned.
    func id(of key: String) -> Int? {
        ByteView.with(key) { bytes in find(bytes, Self.hash(bytes)).id.map(Int.init) }
    }

    /// Adds every key of `other` that is not here yet, in `other`'s id order, and returns, for
    /// each of `other`'s ids, the id here: how a reader's later chunk joins the first.
    mutating func merge(_ other: ByteKeyInterner, threads: Int) throws(Failure) -> [Int32] {
        var (mapped, hashes) = lookUp(other, threads: threads)
        var offset = 0
        var failure: Failure?
        other.forEachRecord(0..<other.count, from: &offset) { id, _, bytes in
            guard failure == nil, mapped[id] < 0 else { return }
            if id + Self.slotDistance < other.count { prefetchSlot(hash: hashes[id + Self.slotDistance]) }
            do throws(Failure) {
                try add(bytes, key: other.keys[id], hash: hashes[id], slot: find(bytes, hashes[id]).slot)
                mapped[id] = Int32(keys.count - 1)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return mapped
    }

    /// Each of `other`'s keys' id here (-1 when absent) and hash. Only reads this table, so the
    /// two halves of `other` are looked up at once, asking for slots and records some keys ahead.
    private func lookUp(_ other: ByteKeyInterner, threads: Int) -> (ids: [Int32], hashes: [UInt64]) {
        let count = other.count
        var ids = [Int32](repeating: -1, count: count)
        var hashes = [UInt64](repeating: 0, count: count)
        let starts = other.recordOffsets(at: [0, count / 2])
        DisjointWrites.with(&ids) { ids in
            DisjointWrites.with(&hashes) { hashes in
                forEachChunk(2, threads: threads) { half in
                    let range = (half * count / 2)..<((half + 1) * count / 2)
                    var offset = starts[half]
                    other.forEachRecord(range, from: &offset) { id, _, bytes in hashes[id] = Self.hash(bytes) }
                    offset = starts[half]
                    other.forEachRecord(range, from: &offset) { id, _, bytes in
                        if id + Self.slotDistance < range.upperBound { prefetchSlot(hash: hashes[id + Self.slotDistance]) }
                        if id + Self.recordDistance < range.upperBound {
                            prefetchRecord(hash: hashes[id + Self.recordDistance])
                        }
                        ids[id] = find(bytes, hashes[id]).id ?? -1
                    }
                }
            }
        }
        return (ids, hashes)
    }

    /// How many keys ahead `merge` asks for a slot, and for a record.
    private static let slotDistance = 32
    private static let recordDistance = 16

    /// The id of the bytes if present, else the empty slot where they would go.
    private func find(_ bytes: ByteView, _ hash: UInt64) -> (id: Int32?, slot: Int) {
        let tag = hash & Self.tagMask
        return SharedReads.with(slots) { slots in
            ByteView.with(records) { records in
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return (nil, slot) }
                    if entry & Self.tagMask == tag {
                        let record = Self.offset(entry)
                        let length = Int(records.uint32(at: record + 4))
                        if length == bytes.count
                            && records.slice((record + Self.headerSize)..<(record + Self.headerSize + length))
                                .elementsEqual(bytes)
                        {
                            return (Int32(records.uint32(at: record)), slot)
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Appends a new key's record and points the empty `slot` at it.
    private mutating func add(_ bytes: ByteView, key: String, hash: UInt64, slot: Int) throws(Failure) {
        let offset = records.count
        let size = Self.recordSize(bytes.count)
        guard offset / 4 < Int(UInt32.max) else { throw .tooManyKeys }
        let id = UInt32(keys.count)
        keys.append(key)
        Self.appendNative(id, to: &records)
        Self.appendNative(UInt32(bytes.count), to: &records)
        bytes.append(to: &records)
        while records.count < offset + size { records.append(0) }
        slots[slot] = (hash & Self.tagMask) | UInt64(offset / 4 + 1)
        if keys.count * 2 > slots.count { grow(to: slots.count * 2) }
    }

    /// Rehashes the keys into `size` slots, walking the records front to back (in id order),
    /// where walking the old slots would fetch each record from a random place.
    private mutating func grow(to size: Int) {
        var bigger = HugePageMemory.array(repeating: UInt64(0), count: size)
        let mask = size - 1
        var offset = 0
        forEachRecord(0..<count, from: &offset) { _, recordOffset, bytes in
            let hash = Self.hash(bytes)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = (hash & Self.tagMask) | UInt64(recordOffset / 4 + 1)
        }
        slots = bigger
    }

    /// Calls `body(id, recordOffset, bytes)` for the records of `ids`, the first of which starts
    /// at `offset`; leaves `offset` after the last.
    private func forEachRecord(
        _ ids: Range<Int>, from offset: inout Int, _ body: (Int, Int, ByteView) -> Void
    ) {
        guard !ids.isEmpty else { return }
        ByteView.with(records) { records in
            for id in ids {
                let length = Int(records.uint32(at: offset + 4))
                body(id, offset, records.slice((offset + Self.headerSize)..<(offset + Self.headerSize + length)))
                offset += Self.recordSize(length)
            }
        }
    }

    /// Where the records of the given ids start (each id at most `count`).
    private func recordOffsets(at ids: [Int]) -> [Int] {
        var offsets: [Int] = []
        var offset = 0
        var next = 0
        for target in ids {
            forEachRecord(next..<target, from: &offset) { _, _, _ in }
            next = target
            offsets.append(offset)
        }
        return offsets
    }

    @inline(__always)
    private static func offset(_ entry: UInt64) -> Int { Int(entry & 0xFFFF_FFFF - 1) * 4 }

    @inline(__always)
    private static func recordSize(_ length: Int) -> Int { (headerSize + length + 3) / 4 * 4 }

    /// Appends `value`'s four bytes in the machine's byte order, as `ByteView.uint32` reads them:
    /// low byte first of `littleEndian`, which is the value itself on a little-endian machine
    /// and its bytes reversed on a big-endian one.
    @inline(__always)
    private static func appendNative(_ value: UInt32, to bytes: inout [UInt8]) {
        let ordered = value.littleEndian
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: ordered >> UInt32(shift))) }
    }

    /// FNV-1a with a final avalanche, so short, similar names spread over the table.
    static func hash(_ bytes: ByteView) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in 0..<bytes.count {
            h = (h ^ UInt64(bytes[index])) &* 0x100_0000_01b3
        }
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }
}
