/// Hands a value to the workers of `forEachChunk`/`forEachTask` that each use a disjoint part
/// of it. The callers guarantee the parts do not overlap; that is why this is unchecked.
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
