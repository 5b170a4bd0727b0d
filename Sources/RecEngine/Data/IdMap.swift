/// The one owner of both directions between outside ids (user names, Douban movie ids) and the
/// dense 0-based indices that algorithms use. Indices follow the order of first appearance,
/// as pandas' `unique()` does, so that user 666 here is the user the article calls 666.
public struct IdMap: Sendable, Hashable {
    /// Outside ids by dense index.
    public private(set) var rawIds: [String]
    private var indexByRawId: [String: Int32]

    public init() {
        rawIds = []
        indexByRawId = [:]
    }

    /// Builds the map from ids already in first-appearance order; duplicates are a programming error.
    public init(orderedRawIds: [String]) {
        rawIds = orderedRawIds
        indexByRawId = Dictionary(uniqueKeysWithValues: orderedRawIds.enumerated().map { ($1, Int32($0)) })
    }

    public var count: Int { rawIds.count }

    /// The dense index of `rawId`, or `nil` when the id never appeared in the data.
    public func index(of rawId: String) -> Int? {
        indexByRawId[rawId].map(Int.init)
    }

    public func rawId(at index: Int) -> String {
        rawIds[index]
    }

    /// The index of `rawId`, appending it when it is new.
    @discardableResult
    public mutating func insert(_ rawId: String) -> Int32 {
        if let existing = indexByRawId[rawId] { return existing }
        let index = Int32(rawIds.count)
        rawIds.append(rawId)
        indexByRawId[rawId] = index
        return index
    }
}
