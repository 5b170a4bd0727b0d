import Foundation

/// Strips what may differ between two renders of the same notebook on the same data: wall time,
/// peak memory and cache use. Everything else must be byte-identical.
enum ReportText {
    /// Removes `<span class="time">…</span>` (which holds all three in HTML pages).
    static func withoutRunMetadata(html: String) -> String {
        html.replacingOccurrences(of: #"<span class="time">[^<]*</span>"#, with: "", options: .regularExpression)
    }

    /// Removes the `seconds`, `peakMemoryMB` and `cache` fields of every cell in a JSON twin.
    static func withoutRunMetadata(json: Data) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: json) as! [String: Any]
        let cells = (object["cells"] as! [[String: Any]]).map { cell in
            cell.filter { !["seconds", "peakMemoryMB", "cache"].contains($0.key) }
        }
        object["cells"] = cells
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// Removes `*Out [n]* · …` run metadata from executed Markdown.
    static func withoutRunMetadata(markdown: String) -> String {
        markdown.replacingOccurrences(of: #"(\*Out \[\d+\]\*) · [^\n]*"#, with: "$1", options: .regularExpression)
    }
}
