/// `output/index.html`: every report in the output folder, with its status and its data.
enum IndexPage {
    struct Entry {
        var page: String
        var twin: ReportTwin?
    }

    /// The page listing `entries`, headed by the book's title when there is one.
    static func render(_ entries: [Entry], title: String? = nil) -> String {
        let heading = HTMLText.escape(title ?? "recbook reports")
        var rows = ""
        for entry in entries {
            let link = "<a href=\"\(HTMLText.escape(entry.page))\">\(HTMLText.escape(entry.twin?.title ?? entry.page))</a>"
            guard let twin = entry.twin else {
                rows += "<tr><td>\(link)</td><td class=\"status-failed\">unreadable report</td><td></td><td></td></tr>\n"
                continue
            }
            let failed = twin.cells.filter { $0.status == .failed }.count
            let ran = twin.cells.filter { $0.status == .ok }.count
            let status = twin.status == "ok" ? "ok" : "failed"
            let data = twin.provenance.banner ?? "no data loaded"
            rows += "<tr><td>\(link)<br><code>\(HTMLText.escape(twin.notebook))</code></td>"
            rows += "<td class=\"status-\(status)\">\(status)</td>"
            rows += "<td class=\"num\">\(ran) / \(twin.cells.count)\(failed > 0 ? " (\(failed) failed)" : "")</td>"
            rows += "<td>\(HTMLText.escape(data))</td></tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            \(ContentSecurityPolicy.meta)
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(heading)</title>
            <style>
            \(PageStyle.css)
            </style>
            </head>
            <body>
            <div class="page"><main>
            <h1>\(heading)</h1>
            <p>Each report is a notebook from <code>notebooks/</code>, run against recbook's engine. \
            The provenance header of each page says which data and seed it was computed from.</p>
            <div class="table-wrap"><table class="index">
            <thead><tr><th>report</th><th>status</th><th class="num">cells run</th><th>data</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></div>
            </main></div>
            </body>
            </html>

            """
    }
}
