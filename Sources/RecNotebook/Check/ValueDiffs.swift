/// The differing values of one result, the first few listed.
struct ValueDiffs {
    var prefix: String
    var limit: Int
    var listed: [(what: String, before: String, after: String)] = []
    var unlisted = 0

    mutating func add(_ what: String, _ before: String, _ after: String) {
        if listed.count < limit {
            listed.append(("\(prefix) › \(what)", before, after))
        } else {
            unlisted += 1
        }
    }
}
