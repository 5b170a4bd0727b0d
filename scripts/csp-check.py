"""Checks in headless Chromium that a report runs no script its notebook's raw HTML brings.

Usage: python3 scripts/csp-check.py RECBOOK [WORK_DIR]

Renders a notebook whose prose holds a `<script>` and an `<img src=x onerror=...>` (raw HTML is
kept, as in Jupyter) with the RECBOOK binary into WORK_DIR (default: a new temporary folder),
opens the page in Debian's `chromium` and fails unless neither ran (the title and the
`<html>` attributes they would set are untouched) and the console shows the Content Security
Policy refusing both. Exits 0 when all holds, 1 when something does not, 2 when chromium is
missing (the caller skips).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM = os.environ.get("CHROMIUM", "chromium")

NOTEBOOK = """# CSP probe

Raw HTML below tries to run script two ways.

<script>document.title = "script ran"; document.documentElement.setAttribute("data-script-ran", "yes");</script>

<img src=x onerror="document.title = 'handler ran'; document.documentElement.setAttribute('data-handler-ran', 'yes')">

The end.
"""


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 1
    recbook = sys.argv[1]
    if shutil.which(CHROMIUM) is None:
        print(f"SKIP {CHROMIUM} is not installed (apt-get install chromium)")
        return 2
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="recbook-csp-")
    notebook = os.path.join(work, "probe.md")
    out = os.path.join(work, "out")
    with open(notebook, "w", encoding="utf-8") as file:
        file.write(NOTEBOOK)
    render = subprocess.run([recbook, "render", notebook, "--data", work, "--out", out, "--no-cache"],
                            capture_output=True, text=True, timeout=120)
    if render.returncode != 0:
        print(f"FAIL recbook render exited {render.returncode}: {render.stderr}")
        return 1
    page = os.path.join(out, "probe.html")
    with open(page, encoding="utf-8") as file:
        source = file.read()
    problems = []
    if "<script>document.title" not in source or "onerror=" not in source:
        problems.append("the page lost the notebook's raw HTML, so this check proves nothing")
    result = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
                             "--virtual-time-budget=2000", "--dump-dom", "file://" + os.path.abspath(page)],
                            capture_output=True, text=True, timeout=120)
    dom = result.stdout
    if "</html>" not in dom:
        problems.append(f"chromium could not load the page (exit {result.returncode})")
    # What the script and the handler would change: the <html> element's attributes and the title.
    root = re.search(r"<html[^>]*>", dom)
    for mark in ("data-script-ran", "data-handler-ran"):
        if root and mark in root.group(0):
            problems.append(f"the page ran the notebook's script: <html> has {mark}")
    if "<title>CSP probe</title>" not in dom:
        problems.append("the page's title changed, so a notebook script ran")
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line]
    refusals = [line for line in console if "Content Security Policy" in line]
    if not any("inline script" in line for line in refusals):
        problems.append("the console does not show the policy refusing the inline <script>")
    if not any("event handler" in line for line in refusals):
        problems.append("the console does not show the policy refusing the onerror handler")
    for problem in problems:
        print("FAIL", problem)
    for line in console:
        print("console:", line.strip())
    print(f"csp check: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
