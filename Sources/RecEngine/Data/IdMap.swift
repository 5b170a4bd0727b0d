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

    /// The ids stored as `packed` gives them; `nil` when the ends do not step through the bytes
    /// exactly, an id repeats, or one is not UTF-8.
    public init?(packedBytes bytes: [UInt8], ends: [Int]) {
        guard let interner = ByteKeyInterner(packed: bytes, ends: ends) else { return nil }
        self.interner = interner
    }

    /// The ids' UTF-8 bytes back to back, in index order, and where each one ends: a few hundred
    /// thousand ids stored as two buffers rather than as that many strings.
    public var packed: (bytes: [UInt8], ends: [Int]) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(count)
        for rawId in interner.keys {
            bytes.append(contentsOf: rawId.utf8)
            ends.append(bytes.count)
        }
        return (bytes, ends)
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
        // A Swift String is always valid UTF-8, and the 16 GB of distinct ids it takes to fill
        // the table are far beyond anything built from Strings in memory.
        ByteView.with(rawId) { bytes in try! interner.intern(bytes) }
    }

    /// Adds the ids of `other` that are new here, in `other`'s order, and returns the index here
    /// of each of `other`'s indices: how a reader joins the chunks it parsed in parallel.
    mutating func merge(_ other: IdMap, threads: Int) throws(ByteKeyInterner.Failure) -> [Int32] {
        try interner.merge(other.interner, threads: threads)
    }

    public static func == (left: IdMap, right: IdMap) -> Bool { left.rawIds == right.rawIds }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawIds) }
}
