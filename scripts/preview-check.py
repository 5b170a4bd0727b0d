"""End-to-end check of `recbook preview` in headless Chromium.

Usage: python3 scripts/preview-check.py RECBOOK [WORK_DIR]

Writes a notebook into WORK_DIR (default: a new temporary folder), starts `RECBOOK preview` on
it (port 0: a free port), opens the served page in Debian's `chromium` (driven over the DevTools
protocol on a pipe, so no extra Python package is needed), then edits the notebook twice: the
page must show the new text at the same scroll position, then a failing cell's error, with no
console error, uncaught exception or policy violation at any point. Finally Ctrl-C (SIGINT) must
stop the preview cleanly. Exits 0 when all holds, 1 when something does not, 2 when chromium is
missing (the caller skips).
"""
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

CHROMIUM = os.environ.get("CHROMIUM", "chromium")
PATIENCE = 60  # seconds for any one step; a loaded machine renders slowly

PROSE = "\n\n".join(f"Paragraph {n} of filler, so that the page is long enough to scroll." for n in range(60))
NOTEBOOK = f"# Live preview\n\nVersion one.\n\n{PROSE}\n\nThe end.\n"


class Failure(Exception):
    pass


class DevTools:
    """Chromium's DevTools protocol over --remote-debugging-pipe: JSON messages ended by NUL on fds 3 and 4."""

    def __init__(self):
        commands_read, self.commands = os.pipe()
        self.replies, replies_write = os.pipe()
        # Out of the way first, so that moving them to 3 and 4 in the child cannot clobber one another.
        os.dup2(commands_read, 103)
        os.dup2(replies_write, 104)
        os.close(commands_read)
        os.close(replies_write)

        def place_pipes():
            os.dup2(103, 3)
            os.dup2(104, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--window-size=1200,800", "about:blank"],
            pass_fds=(3, 4), preexec_fn=place_pipes, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(103)
        os.close(104)
        self.next_id = 0
        self.inbox = queue.Queue()
        self.events = []
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        pending = b""
        while True:
            chunk = os.read(self.replies, 65536)
            if not chunk:
                self.inbox.put(None)
                return
            pending += chunk
            *messages, pending = pending.split(b"\0")
            for message in messages:
                self.inbox.put(json.loads(message))

    def call(self, method, session=None, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        deadline = time.time() + PATIENCE
        while time.time() < deadline:
            try:
                reply = self.inbox.get(timeout=1)
            except queue.Empty:
                continue
            if reply is None:
                raise Failure("chromium exited")
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise Failure(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)
        raise Failure(f"no reply to {method}")

    def close(self):
        try:
            self.call("Browser.close")
        except Failure:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Page:
    def __init__(self, devtools, url):
        self.devtools = devtools
        target = devtools.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = devtools.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Runtime.enable", "Log.enable", "Page.enable"):
            devtools.call(domain, self.session)
        devtools.call("Page.navigate", self.session, url=url)

    def evaluate(self, expression):
        result = self.devtools.call("Runtime.evaluate", self.session, expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            return None
        return result["result"].get("value")

    def wait_for(self, expression, what):
        deadline = time.time() + PATIENCE
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.2)
        raise Failure(f"timed out waiting until {what}")

    def problems(self):
        """Console errors and warnings, uncaught exceptions and browser log errors so far."""
        found = []
        for event in self.devtools.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append("uncaught: " + params["exceptionDetails"].get("text", "") + " "
                             + str(params["exceptionDetails"].get("exception", {}).get("description", "")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                found.append("console." + params["type"] + ": " + " ".join(str(a.get("value")) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
                found.append("log: " + params["entry"].get("text", "") + " " + params["entry"].get("url", ""))
        return found


def start_preview(recbook, notebook, work):
    out = os.path.join(work, "out")
    process = subprocess.Popen(
        [recbook, "preview", notebook, "--port", "0", "--out", out, "--data", work, "--cache", os.path.join(work, "cache")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    deadline = time.time() + PATIENCE
    while time.time() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            if process.poll() is not None:
                raise Failure(f"preview exited {process.returncode}: {process.stderr.read()}")
            continue
        match = re.search(r"at (http://127\.0\.0\.1:\d+/\S+);", line)
        if match:
            return process, match.group(1), lines
    raise Failure("preview never said where it serves")


def edit(notebook, old, new):
    with open(notebook, encoding="utf-8") as file:
        text = file.read()
    with open(notebook, "w", encoding="utf-8") as file:
        file.write(text.replace(old, new))


def check(recbook, work):
    notebook = os.path.join(work, "live.md")
    with open(notebook, "w", encoding="utf-8") as file:
        file.write(NOTEBOOK)
    preview, url, lines = start_preview(recbook, notebook, work)
    devtools = DevTools()
    try:
        page = Page(devtools, url)
        page.wait_for("document.documentElement.dataset.preview === 'live'", "the page listens for reloads")
        if "Version one." not in (page.evaluate("document.body.innerText") or ""):
            raise Failure("the served page does not show the notebook")
        scrolled = page.evaluate("window.scrollTo(0, 900); window.scrollY")
        if not scrolled:
            raise Failure("the page is too short to scroll")

        edit(notebook, "Version one.", "Version two.")
        page.wait_for("document.body.innerText.includes('Version two.') "
                      "&& document.documentElement.dataset.preview === 'live'", "the page shows the edit")
        position = page.evaluate("window.scrollY")
        if position != scrolled:
            raise Failure(f"the reload lost the scroll position: {position}, not {scrolled}")

        edit(notebook, "The end.", "```rec\nfrobnicate\n```\n\nThe end.")
        page.wait_for("(document.querySelector('.cell .error') || {}).textContent?.includes('unknown directive')",
                      "the page shows the failing cell's error")
        problems = page.problems()
        if problems:
            raise Failure("the page logged problems:\n  " + "\n  ".join(problems))
    finally:
        devtools.close()
        preview.send_signal(signal.SIGINT)
        try:
            preview.wait(timeout=PATIENCE)
        except subprocess.TimeoutExpired:
            preview.kill()
            raise Failure("Ctrl-C did not stop the preview")
    said = "".join(lines.queue)
    if preview.returncode != 0 or "stopped the preview" not in said:
        raise Failure(f"the preview did not stop cleanly (exit {preview.returncode}): {said[-500:]}")


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 1
    if shutil.which(CHROMIUM) is None:
        print(f"SKIP {CHROMIUM} is not installed (apt-get install chromium)")
        return 2
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="recbook-preview-")
    try:
        check(sys.argv[1], work)
    except Failure as failure:
        print("FAIL", failure)
        return 1
    print("preview check: the page followed two edits, no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
