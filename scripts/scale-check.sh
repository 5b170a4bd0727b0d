#!/bin/sh
# The issue-7 scale goal, measured with the release CLI as a user would run it: RATINGS synthetic
# ratings (douban shape, default 50,000,000) read by `load` and ALS rank 10, 10 iterations, fitted
# on all of them, in one notebook under /usr/bin/time -v (wall time of the whole render). Peak
# memory comes from the report: each cell's own peak (VmHWM, reset before each cell); the
# process's peak is the largest of them. /usr/bin/time's "Maximum resident set size" is only the
# peak since the last reset, because resetting VmHWM resets the counter it reads too.
# Usage: scripts/scale-check.sh [RATINGS] (SCALE_DIR picks the folder, default
# /tmp/recbook-scale; the 50M file is about 1 GB and is kept for the next run).
set -eu
ratings=${1:-50000000}
dir=${SCALE_DIR:-/tmp/recbook-scale}/$ratings
recbook=${RECBOOK:-.build/release/recbook}
[ -x "$recbook" ] || swift build -c release --product recbook
if [ ! -f "$dir/data/user_movies.csv" ]; then
    /usr/bin/time -f "synth: %e s wall, %M KB peak" "$recbook" synth --ratings "$ratings" --out "$dir/data"
fi
cat > "$dir/scale.md" <<'NOTEBOOK'
# Scale check

```rec
load ratings=user_movies.csv
```

```rec
train als model=als rank=10 iterations=10 reg=0.1 on=all
```
NOTEBOOK
/usr/bin/time -v "$recbook" render "$dir/scale.md" --data "$dir/data" --out "$dir/out" --no-cache 2> "$dir/time.txt"
grep -E "Elapsed|Maximum resident" "$dir/time.txt"
python3 - "$dir/out/scale.json" "$ratings" <<'PYTHON'
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
for cell in cells:
    print("cell %d: %.2f s, peak %.0f MB" % (cell["number"], cell["seconds"], cell.get("peakMemoryMB") or 0))
peak = max(cell.get("peakMemoryMB") or 0 for cell in cells)
millions = int(sys.argv[2]) / 1e6
print("total %.1f s; peak %.0f MB = %.0f MB per million ratings" % (sum(c["seconds"] for c in cells), peak, peak / millions))
PYTHON
