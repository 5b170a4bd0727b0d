import CCmark
import Foundation

/// Unique, readable anchors for headings: letters (any script) and digits kept, runs of
/// anything else turned into one dash, repeats numbered.
struct AnchorNames {
    private var used: [String: Int] = [:]

    mutating func make(for text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        let seen = used[slug, default: 0]
        used[slug] = seen + 1
        return seen == 0 ? slug : "\(slug)-\(seen + 1)"
    }
}
