import Foundation

/// Splits one line of a small delimited file into fields, optionally honouring RFC 4180 quotes
/// (`"a, b"` is one field and `""` inside quotes is a literal quote).
enum DelimitedFields {
    struct Malformed: Error {
        var reason: String
    }

    static func split(_ line: String, separator: String, quoted: Bool) throws(Malformed) -> [String] {
        guard quoted else {
            return line.components(separatedBy: separator)
        }
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if inQuotes {
                if character == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex && line[next] == "\"" {
                        current.append("\"")
                        index = line.index(after: next)
                        continue
                    }
                    inQuotes = false
                } else {
                    current.append(character)
                }
                index = line.index(after: index)
            } else if character == "\"" && current.isEmpty {
                inQuotes = true
                index = line.index(after: index)
            } else if line[index...].hasPrefix(separator) {
                fields.append(current)
                current = ""
                index = line.index(index, offsetBy: separator.count)
            } else {
                current.append(character)
                index = line.index(after: index)
            }
        }
        guard !inQuotes else { throw Malformed(reason: "a quoted field is not closed") }
        fields.append(current)
        return fields
    }
}
