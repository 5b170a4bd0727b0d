"""Opens every report in headless Chromium and fails on console errors or broken links.

Usage: python3 scripts/browser-check.py [OUTPUT_DIR] [SCREENSHOT_DIR]

For each HTML page in OUTPUT_DIR (default output/): loads it in Debian's `chromium`, collects
console messages (any `Uncaught` error, or a console message at all: recbook's pages have no
scripts, so any message is unexpected), checks that every relative link and `#anchor` resolves,
and saves a desktop and a phone-width screenshot to SCREENSHOT_DIR (default
.build/screenshots/) for a person to look at. Exits 1 when anything is wrong.

Pages with formulas (`<math>` elements) are also measured, in a copy with a small measuring
script added (the reports themselves stay script-free): every formula must be laid out as MathML
(a MathMLElement of non-zero size, each fraction's numerator above its denominator), and no
prose text outside code may still hold TeX (`$\\alpha`, `\\frac{`), which would mean a formula
was not found.

    python3 scripts/browser-check.py --maths-sample [RECBOOK]

renders a sample notebook holding the formulas recbook's notebooks use (with RECBOOK, default
.build/debug/recbook) into a temporary folder and checks it the same way.
"""
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

CHROMIUM = os.environ.get("CHROMIUM", "chromium")
VIEWPORTS = {"desktop": "1280,2000", "phone": "390,1600"}


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])


def parse(path):
    parser = Links()
    with open(path, encoding="utf-8") as page:
        parser.feed(page.read())
    return parser


def chromium(url, *args):
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
               "--virtual-time-budget=2000", *args, url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


# Added to a copy of a page with formulas: measures them once laid out and writes the
# findings, as JSON, into an element that --dump-dom prints.
MEASURE = """<script nonce="recbook-measure">
addEventListener("load", () => {
  const ns = "http://www.w3.org/1998/Math/MathML";
  const maths = [...document.getElementsByTagNameNS(ns, "math")];
  const empty = maths.filter(m => {
    const box = m.getBoundingClientRect();
    return !(typeof MathMLElement !== "undefined" && m instanceof MathMLElement) || box.width < 1 || box.height < 1;
  }).map(m => m.textContent.slice(0, 60));
  const flat = [...document.getElementsByTagNameNS(ns, "mfrac")].filter(f => f.children.length == 2 &&
      f.children[0].getBoundingClientRect().bottom > f.children[1].getBoundingClientRect().top + 1)
    .map(f => f.textContent.slice(0, 60));
  const stray = [];
  const walker = document.createTreeWalker(document.querySelector("main") || document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("code, pre, math, script, style")) continue;
    const found = node.textContent.match(/\\$[A-Za-z\\\\{]|\\\\[A-Za-z]+[{_^]/);
    if (found) stray.push(node.textContent.trim().slice(0, 60));
  }
  const out = document.createElement("pre");
  out.id = "recbook-maths-check";
  out.textContent = JSON.stringify({count: maths.length, empty, flat, stray});
  document.body.appendChild(out);
});
</script>"""

SAMPLE = r"""# Formulas

The prediction rule $\hat{r}_{ui} = \mu + b_u + b_i + p_u^\top q_i$ adds biases to a dot product; it costs $5.

$$
\sum_{(u,i)} (r_{ui} - \hat{r}_{ui})^2 + \lambda (\lVert p_u \rVert^2 + \lVert q_i \rVert^2)
$$

Adam: $m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t$, $\hat{m}_t = \frac{m_t}{1-\beta_1^t}$ and

$$\theta_t = \theta_{t-1} - \alpha \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}$$

ALS: $$\min_{X,Y} \sum_{r_{ui} \text{ observed}} (r_{ui} - x_u^\top y_i)^2 + \lambda(\sum_u \lVert x_u\rVert^2 + \sum_i \lVert y_i \rVert^2)$$

## Pearson with $\lambda$ in the heading

$$
r_{ij} = \frac{\sum_u (r_{ui}-\bar r_i)(r_{uj}-\bar r_j)}{\sqrt{\sum_u (r_{ui}-\bar r_i)^2}\sqrt{\sum_u (r_{uj}-\bar r_j)^2}}
$$

Code keeps its dollars: `$x_1$`.
"""


def check_maths(name, path):
    """Problems with the formulas on one page (none when it has no `<math>`)."""
    with open(path, encoding="utf-8") as page:
        text = page.read()
    if "<math" not in text:
        return []
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, name)
        with open(copy, "w", encoding="utf-8") as page:
            # The page's policy runs no script: let this one measuring script in by its nonce.
            allowed = re.sub(
                r'(<meta http-equiv="Content-Security-Policy" content="[^"]*)"',
                lambda meta: meta.group(1) + "; script-src 'nonce-recbook-measure'\"",
                text,
                count=1,
            )
            page.write(allowed.replace("</body>", MEASURE + "\n</body>", 1))
        result = chromium("file://" + copy, "--dump-dom")
    found = re.search(r'<pre id="recbook-maths-check">(.*?)</pre>', result.stdout, re.S)
    if not found:
        return [f"{name}: the formulas could not be measured (exit {result.returncode})"]
    report = json.loads(html.unescape(found.group(1)))
    problems = [f"{name}: formula not laid out as MathML: {text!r}" for text in report["empty"]]
    problems += [f"{name}: fraction not stacked: {text!r}" for text in report["flat"]]
    problems += [f"{name}: TeX left in the prose: {text!r}" for text in report["stray"]]
    if not problems:
        print(f"ok   {name}: {report['count']} formulas laid out as MathML")
    return problems


def maths_sample(recbook):
    """Renders SAMPLE with `recbook` into a temporary folder and checks it; returns the exit code."""
    with tempfile.TemporaryDirectory() as folder:
        notebook = os.path.join(folder, "formulas.md")
        with open(notebook, "w", encoding="utf-8") as file:
            file.write(SAMPLE)
        out = os.path.join(folder, "out")
        rendered = subprocess.run([recbook, "render", notebook, "--out", out], capture_output=True, text=True)
        if rendered.returncode != 0:
            print(f"FAIL recbook render: {rendered.stdout}{rendered.stderr}")
            return 1
        if "warning" in rendered.stderr:
            print(f"FAIL the sample's formulas should all typeset: {rendered.stderr}")
            return 1
        return check(out, os.path.join(".build", "screenshots", "maths-sample"))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--maths-sample":
        return maths_sample(sys.argv[2] if len(sys.argv) > 2 else os.path.join(".build", "debug", "recbook"))
    out = sys.argv[1] if len(sys.argv) > 1 else "output"
    shots = sys.argv[2] if len(sys.argv) > 2 else os.path.join(".build", "screenshots")
    return check(out, shots)


def check(out, shots):
    """Checks every page in `out`, screenshots into `shots`; returns the exit code."""
    os.makedirs(shots, exist_ok=True)
    pages = sorted(name for name in os.listdir(out) if name.endswith(".html"))
    if "index.html" not in pages:
        print(f"FAIL {out}/index.html is missing")
        return 1
    problems = []
    parsed = {name: parse(os.path.join(out, name)) for name in pages}
    for name in pages:
        path = os.path.abspath(os.path.join(out, name))
        for link in parsed[name].links:
            target = urllib.parse.urlparse(link)
            if target.scheme in ("http", "https", "mailto", "data"):
                continue
            file_part = urllib.parse.unquote(target.path) or name
            if not os.path.exists(os.path.join(out, file_part)):
                problems.append(f"{name}: broken link {link}")
            elif target.fragment and file_part in parsed and urllib.parse.unquote(target.fragment) not in parsed[file_part].ids:
                problems.append(f"{name}: link {link} names a missing anchor")
        result = chromium("file://" + path, "--dump-dom")
        if result.returncode != 0 or "</html>" not in result.stdout:
            problems.append(f"{name}: chromium could not load the page (exit {result.returncode})")
        for line in result.stderr.splitlines():
            if "CONSOLE" in line:
                problems.append(f"{name}: console: {line.strip()}")
        problems += check_maths(name, path)
        for viewport, size in VIEWPORTS.items():
            shot = os.path.join(shots, f"{name[:-5]}-{viewport}.png")
            chromium("file://" + path, f"--screenshot={shot}", f"--window-size={size}")
            if not os.path.exists(shot):
                problems.append(f"{name}: no {viewport} screenshot")
    for problem in problems:
        print("FAIL", problem)
    print(f"browser check: {len(pages)} pages, {len(problems)} problems; screenshots in {shots}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
