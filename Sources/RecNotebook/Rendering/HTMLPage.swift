import RecEngine

/// A whole notebook report as one self-contained HTML page: inline CSS, a table of contents
/// from the headings, the provenance header, then prose and cells in notebook order.
/// `timings: false` (`--no-timings`) leaves out wall times, peak memory and cache notes.
enum HTMLPage {
    static func render(_ run: NotebookRun, timings: Bool = true) -> String {
        let title = run.document.title ?? run.document.file
        var header = provenance(run.provenance)
        if let banner = run.provenance.banner {
            header += "<p class=\"banner\">\(HTMLText.escape(banner))</p>\n"
        }
        if let error = run.firstError {
            header += "<p class=\"banner failed\">This report is incomplete: \(HTMLText.escape(error.description))</p>\n"
        }
        // The header goes under the page's title when the notebook opens with one, else on top.
        var blocks = run.document.blocks[...]
        var body = ""
        if case .prose(let first) = blocks.first, first.heading?.level == 1 {
            body += first.html
            blocks = blocks.dropFirst()
        }
        body += header
        var cells = run.cells.makeIterator()
        for block in blocks {
            switch block {
            case .prose(let prose):
                body += prose.html
            case .cell:
                if let cell = cells.next() { body += render(cell, timings: timings) }
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            \(ContentSecurityPolicy.meta)
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="recbook \(EngineVersion.current)">
            <title>\(HTMLText.escape(title))</title>
            <style>
            \(PageStyle.css)
            </style>
            </head>
            <body>
            <div class="page">
            \(tableOfContents(run.document))<main>
            <p><a href="index.html">← all reports</a></p>
            \(body)</main>
            </div>
            </body>
            </html>

            """
    }

    private static func tableOfContents(_ document: NotebookDocument) -> String {
        let headings = document.blocks.compactMap { block -> Heading? in
            if case .prose(let prose) = block, let heading = prose.heading, heading.level <= 3 { return heading }
            return nil
        }
        guard !headings.isEmpty else { return "" }
        var html = "<nav class=\"toc\" aria-label=\"Contents\"><strong>Contents</strong>\n<ol>\n"
        for heading in headings {
            let indent = String(repeating: "&nbsp;&nbsp;", count: heading.level - 1)
            html +=
                "<li>\(indent)<a href=\"#\(HTMLText.escape(heading.anchor))\">\(heading.mathsHTML ?? HTMLText.escape(heading.text))</a></li>\n"
        }
        return html + "</ol></nav>\n"
    }

    private static func provenance(_ provenance: Provenance) -> String {
        var html = "<details class=\"provenance\"><summary>Provenance: how this report was made</summary>\n<table>\n"
        html += row("notebook", "<code>\(HTMLText.escape(provenance.notebook))</code>")
        html += row("engine", "recbook \(HTMLText.escape(provenance.engineVersion))")
        html += row("data folder", "<code>\(HTMLText.escape(provenance.dataFolder))</code>")
        html += row("master seed", String(provenance.seed))
        for source in provenance.sources {
            html += row(
                source.role,
                "<code>\(HTMLText.escape(source.path))</code>, \(DisplayNumber.count(source.rows)) rows, sha256 <code>\(source.sha256)</code>"
            )
        }
        if let spark = provenance.spark { html += row("Spark", HTMLText.escape(spark.summary)) }
        return html + "</table></details>\n"
    }

    private static func row(_ name: String, _ valueHTML: String) -> String {
        "<tr><th>\(HTMLText.escape(name))</th><td>\(valueHTML)</td></tr>\n"
    }

    private static func render(_ run: CellRun, timings: Bool) -> String {
        let number = run.cell.number
        var html = "<section class=\"cell\" id=\"cell-\(number)\">\n"
        if run.options.echo {
            html += "<div class=\"cell-in\"><span class=\"prompt\">In [\(number)]:</span>"
            html += "<pre><code>\(HTMLText.escape(run.cell.code))</code></pre></div>\n"
        }
        html += "<div class=\"cell-out\"><span class=\"prompt\">Out [\(number)]:</span>"
        if run.status != .notRun, timings {
            html += "<span class=\"time\">\(HTMLText.escape(RunMetadataText.summary(run)))</span>"
        }
        html += "\n"
        for result in run.results { html += HTMLResults.render(result, timings: timings) }
        if let error = run.error {
            html += "<div class=\"error\" role=\"alert\">\(HTMLText.escape(error.description))</div>\n"
        }
        if run.status == .notRun {
            html += "<p class=\"not-run\">Not run: an earlier cell failed (render with --keep-going to run every cell).</p>\n"
        }
        return html + "</div>\n</section>\n"
    }
}
