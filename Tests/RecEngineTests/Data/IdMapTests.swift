import Testing

@testable import RecEngine

@Suite struct IdMapTests {
    @Test func indicesFollowFirstAppearanceThroughManyGrowths() {
        var ids = IdMap()
        let names = (0..<50_000).map { "user\($0 * 7919 % 50_000)" }
        for name in names { ids.insert(name) }
        #expect(ids.count == 50_000)
        #expect(ids.rawIds == names)
        for (index, name) in names.enumerated().prefix(500) { #expect(ids.index(of: name) == index) }
        #expect(ids.index(of: "user50000") == nil)
    }

    /// Enough keys that merging grows the table and runs the prefetching lookups at full depth.
    @Test func mergeMatchesInsertingOneAtATime() throws {
        var one = IdMap(orderedRawIds: ["b", "a"] + (0..<20_000).map { "kept\($0)" })
        let original = one
        let names = ["a", "c", "b", "d", "c2", ""] + (0..<30_000).map { $0 % 3 == 0 ? "kept\($0)" : "new\($0)" }
        let expected = names.map { one.insert($0) }
        for threads in [1, 2, 3] {
            var merged = original
            #expect(try merged.merge(IdMap(orderedRawIds: names), threads: threads) == expected)
            #expect(merged == one)
            for name in ["kept3", "new4", "", "c"] { #expect(merged.index(of: name) == one.index(of: name)) }
        }
    }

    @Test func packedIdsRoundTripInIndexOrder() throws {
        let names = ["u2", "", "é", "u1"] + (0..<3_000).map { "user\($0)" }
        let ids = IdMap(orderedRawIds: names)
        let packed = ids.packed
        #expect(packed.ends.count == names.count)
        let restored = try #require(IdMap(packedBytes: packed.bytes, ends: packed.ends))
        #expect(restored == ids)
        #expect(restored.index(of: "é") == 2 && restored.index(of: "user2999") == names.count - 1)
        #expect(IdMap(packedBytes: [], ends: [])?.count == 0)
    }

    @Test func packedIdsThatDoNotAddUpOrRepeatAreRejected() {
        let ab = Array("ab".utf8)
        #expect(IdMap(packedBytes: ab, ends: [1, 2]) != nil)
        #expect(IdMap(packedBytes: ab, ends: [1]) == nil, "bytes left over")
        #expect(IdMap(packedBytes: ab, ends: [1, 3]) == nil, "an end past the bytes")
        #expect(IdMap(packedBytes: ab, ends: [2, 1]) == nil, "ends going back")
        #expect(IdMap(packedBytes: Array("aa".utf8), ends: [1, 2]) == nil, "a repeated id")
        #expect(IdMap(packedBytes: [0xFF], ends: [1]) == nil, "not UTF-8")
    }

    /// A 16 MB key and the same key one byte shorter share all but one byte: lengths must decide.
    @Test func longKeysAreToldApartFromTheirPrefixes() {
        let long = String(repeating: "x", count: 0x100_0000 + 3)
        let prefix = String(long.dropLast())
        var ids = IdMap(orderedRawIds: [long, "y"])
        #expect(ids.index(of: long) == 0)
        #expect(ids.index(of: prefix) == nil)
        #expect(ids.insert(prefix) == 2)
        #expect(ids.insert(long) == 0)
    }
}
