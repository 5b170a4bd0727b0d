/// Vose's alias method: draws index `i` with probability `weights[i] / sum(weights)` in O(1).
struct AliasTable: Sendable {
    private let probability: [Double]
    private let alias: [Int]

    init(weights: [Double]) {
        let count = weights.count
        precondition(count > 0, "an alias table needs at least one weight")
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(count) / total }
        var probability = [Double](repeating: 1, count: count)
        var alias = Array(0..<count)
        var small: [Int] = []
        var large: [Int] = []
        for index in 0..<count {
            if scaled[index] < 1 { small.append(index) } else { large.append(index) }
        }
        while let less = small.popLast(), let more = large.popLast() {
            probability[less] = scaled[less]
            alias[less] = more
            scaled[more] = scaled[more] + scaled[less] - 1
            if scaled[more] < 1 { small.append(more) } else { large.append(more) }
        }
        self.probability = probability
        self.alias = alias
    }

    func draw(_ generator: inout SplitMix64) -> Int {
        let column = Int(generator.next() % UInt64(probability.count))
        return generator.nextUnit() < probability[column] ? column : alias[column]
    }
}
