/// The one owner of both directions between outside ids (user names, Douban movie ids) and the
/// dense 0-based indices that algorithms use. Indices follow the order of first appearance,
/// as pandas' `unique()` does, so that user 666 here is the user the article calls 666.
public struct IdMap: Sendable, Hashable {
    private var interner: ByteKeyInterner

    public init() {
        interner = ByteKeyInterner()
    }

    /// Builds the map from ids already in first-appearance order; duplicates are a programming error.
    public init(orderedRawIds: [String]) {
        self.init()
        for rawId in orderedRawIds {
            let before = count
            insert(rawId)
            precondition(count == before + 1, "duplicate id \(rawId)")
        }
    }

    /// Wraps the interner a reader filled.
    init(_ interner: ByteKeyInterner) {
        self.interner = interner
    }

    public var count: Int { interner.count }

    /// Outside ids by dense index.
    public var rawIds: [String] { interner.keys }

    /// The dense index of `rawId`, or `nil` when the id never appeared in the data.
    public func index(of rawId: String) -> Int? {
        interner.id(of: rawId)
    }

    public func rawId(at index: Int) -> String {
        interner.keys[index]
    }

    /// The index of `rawId`, appending it when it is new.
    @discardableResult
    public mutating func insert(_ rawId: String) -> Int32 {
        var copy = rawId
        // A Swift String is always valid UTF-8, so interning cannot fail here.
        return copy.withUTF8 { bytes in try! interner.intern(bytes) }
    }

    /// The indices of `rawIds`, inserted in order as `insert` does. At millions of ids each
    /// insert waits on a random slot of the table, so the slot of the id 16 ahead is prefetched.
    mutating func insert(contentsOf rawIds: [String]) -> [Int32] {
        let ahead = 16
        var indices: [Int32] = []
        indices.reserveCapacity(rawIds.count)
        for position in rawIds.indices {
            if position + ahead < rawIds.count {
                var next = rawIds[position + ahead]
                next.withUTF8 { interner.prefetch($0) }
            }
            indices.append(insert(rawIds[position]))
        }
        return indices
    }

    public static func == (left: IdMap, right: IdMap) -> Bool { left.rawIds == right.rawIds }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawIds) }
}
