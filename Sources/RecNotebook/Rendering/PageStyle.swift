/// The inline stylesheet every page carries, so a report is one self-contained file.
enum PageStyle {
    static let css = """
        :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0b5cad; --bad: #b42318; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); font: 16px/1.6 -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", sans-serif; }
        .page { display: flex; gap: 2rem; max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
        nav.toc { flex: 0 0 14rem; position: sticky; top: 1rem; align-self: flex-start; font-size: 0.875rem; max-height: 95vh; overflow-y: auto; }
        nav.toc ol { list-style: none; padding-left: 0.75rem; margin: 0.25rem 0; }
        nav.toc > ol { padding-left: 0; }
        nav.toc a { color: var(--muted); text-decoration: none; }
        nav.toc a:hover { color: var(--accent); }
        main { flex: 1 1 auto; min-width: 0; }
        h1, h2, h3 { line-height: 1.25; }
        a { color: var(--accent); }
        pre, code { font-family: "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", "Sarasa Mono SC", monospace; font-size: 0.85rem; }
        pre { overflow-x: auto; }
        math { font-size: 1.1em; font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", "DejaVu Math TeX Gyre", math; }
        math[display="block"] { overflow-x: auto; overflow-y: hidden; padding: 0.2rem 0; }
        code.maths-error { color: var(--bad); }
        .banner { border-left: 4px solid var(--accent); background: #eef5fc; padding: 0.6rem 0.9rem; margin: 1rem 0; }
        .banner.failed { border-color: var(--bad); background: #fdf0ef; }
        details.provenance { border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.8rem; font-size: 0.85rem; color: var(--muted); }
        details.provenance table { border-collapse: collapse; margin: 0.5rem 0; }
        details.provenance th, details.provenance td { text-align: left; padding: 0.15rem 0.6rem 0.15rem 0; vertical-align: top; }
        details.provenance code { word-break: break-all; }
        section.cell { border: 1px solid var(--line); border-radius: 6px; margin: 1.2rem 0; overflow: hidden; }
        .cell-in { background: var(--soft); border-bottom: 1px solid var(--line); padding: 0.3rem 0.8rem; }
        .cell-in pre { margin: 0.2rem 0; }
        .cell-out { padding: 0.3rem 0.8rem 0.6rem; }
        .prompt { font: 0.75rem monospace; color: var(--muted); }
        .time { float: right; font: 0.75rem monospace; color: var(--muted); }
        td .time { float: none; font: inherit; color: inherit; }
        .table-wrap { overflow-x: auto; }
        table.result, table.metrics { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
        table.result caption, table.metrics caption { text-align: left; font-weight: 600; padding-bottom: 0.2rem; }
        table.result th, table.result td, table.metrics th, table.metrics td { border-bottom: 1px solid var(--line); padding: 0.2rem 0.6rem; text-align: left; }
        table.metrics th { font-weight: normal; color: var(--muted); }
        .num { text-align: right !important; font-variant-numeric: tabular-nums; }
        .nan { color: var(--muted); }
        figure { margin: 0.5rem 0; }
        figcaption { font-weight: 600; font-size: 0.9rem; }
        pre.ascii { line-height: 1.25; background: #fff; }
        svg.chart { display: block; max-width: 100%; height: auto; font: 12px sans-serif; fill: var(--ink); }
        svg.chart rect { fill: var(--accent); }
        svg.chart .value { fill: var(--muted); }
        svg.chart .axis { fill: none; stroke: var(--muted); }
        details.ascii summary { font-size: 0.8rem; color: var(--muted); cursor: pointer; }
        .note, .more { color: var(--muted); font-size: 0.9rem; }
        .error { color: var(--bad); background: #fdf0ef; padding: 0.5rem 0.8rem; border-radius: 4px; white-space: pre-wrap; }
        .not-run { color: var(--muted); font-style: italic; }
        table.index { border-collapse: collapse; width: 100%; }
        table.index th, table.index td { border-bottom: 1px solid var(--line); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
        .status-ok { color: #1a7f37; } .status-failed { color: var(--bad); }
        @media (max-width: 48rem) { .page { display: block; } nav.toc { position: static; max-height: none; margin-bottom: 1rem; } }
        @media print {
          body { font-size: 10.5pt; color: #000; }
          nav.toc, details.ascii, .page > main > p:first-child { display: none; }
          .page { display: block; max-width: none; padding: 0; }
          section.cell, figure, table.result, table.metrics { break-inside: avoid; }
          h1, h2, h3 { break-after: avoid; }
          details.provenance { display: block; }
          pre { white-space: pre-wrap; overflow: visible; }
          .table-wrap { overflow: visible; }
          .cell-in { background: none; }
          a { color: inherit; text-decoration: none; }
          svg.chart { max-width: 100%; }
        }
        """
}
