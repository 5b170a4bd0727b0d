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
