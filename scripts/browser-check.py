"""Opens every report in headless Chromium and fails on console errors or broken links.

Usage: python3 scripts/browser-check.py [OUTPUT_DIR] [SCREENSHOT_DIR]

For each HTML page in OUTPUT_DIR (default output/): loads it in Debian's `chromium`, collects
console messages (any `Uncaught` error, or a console message at all: recbook's pages have no
scripts, so any message is unexpected), checks that every relative link and `#anchor` resolves,
and saves a desktop and a phone-width screenshot to SCREENSHOT_DIR (default
.build/screenshots/) for a person to look at. Exits 1 when anything is wrong.
"""
import html.parser
import os
import re
import subprocess
import sys
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


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "output"
    shots = sys.argv[2] if len(sys.argv) > 2 else os.path.join(".build", "screenshots")
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
