"""Fills the README's generated sections: the directive reference from `recbook directives`.

Usage: python3 scripts/update-readme.py .build/debug/recbook
A test fails when the README's reference differs from what the code accepts.
"""
import subprocess
import sys

recbook = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/recbook"
reference = subprocess.run([recbook, "directives"], check=True, capture_output=True, text=True).stdout
readme = open("README.md", encoding="utf-8").read()
begin, end = "<!-- directives:begin -->\n", "<!-- directives:end -->"
head, rest = readme.split(begin, 1)
_, tail = rest.split(end, 1)
open("README.md", "w", encoding="utf-8").write(head + begin + reference + end + tail)
