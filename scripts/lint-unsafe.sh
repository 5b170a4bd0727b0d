#!/bin/sh
# Keeps unsafe and parallel code in their few audited places (issue 14). Fails, naming file and
# line, when under SOURCES (default: Sources):
#   - `concurrentPerform` appears anywhere but RecEngine/Math/ParallelChunks.swift (every parallel
#     loop goes through its helpers, which take the run's thread count);
#   - `Unsafe` appears in a file not on the allow-list below;
#   - a file on the allow-list no longer contains `Unsafe` (take it off: the list stays exact).
# Tests and benchmarks may drive kernels through pointers, so only Sources is checked.
# Usage: scripts/lint-unsafe.sh [SOURCES]
set -eu
root=${1:-Sources}

parallel_file="RecEngine/Math/ParallelChunks.swift"

# Files that may mention `Unsafe`, relative to SOURCES. This list may only shrink: new code
# reads and writes memory through Memory (owned by a MemoryArena), writes shared arrays through
# DisjointWrites, and runs loops through ParallelChunks.
allowed="
RecEngine/Data/ByteView.swift
RecEngine/Data/PackedBytes.swift
RecEngine/Math/DisjointWrites.swift
RecEngine/Math/HugePageMemory.swift
RecEngine/Math/Memory.swift
RecEngine/Math/MemoryArena.swift
RecEngine/Math/SharedReads.swift
"

[ -d "$root" ] || { echo "lint-unsafe: no folder $root" >&2; exit 2; }
failed=0
report=$(mktemp)
trap 'rm -f "$report"' EXIT

# grep -rn prints SOURCES/relative/path:line:text; strip the root to compare with the lists.
hits=$(grep -rn --include='*.swift' 'concurrentPerform' "$root" || true)
if [ -n "$hits" ]; then
    echo "$hits" | while IFS= read -r hit; do
        file=${hit#"$root"/}
        file=${file%%:*}
        [ "$file" = "$parallel_file" ] && continue
        echo "${hit%%:*}:$(echo "$hit" | cut -d: -f2): concurrentPerform outside $parallel_file; use forEachChunk or forEachTask"
    done >"$report"
    if [ -s "$report" ]; then cat "$report"; failed=1; fi
fi

hits=$(grep -rn --include='*.swift' 'Unsafe' "$root" || true)
if [ -n "$hits" ]; then
    echo "$hits" | while IFS= read -r hit; do
        file=${hit#"$root"/}
        file=${file%%:*}
        if ! printf '%s\n' "$allowed" | grep -qxF "$file"; then
            echo "${hit%%:*}:$(echo "$hit" | cut -d: -f2): Unsafe outside the allow-list in scripts/lint-unsafe.sh; use DisjointWrites, or an audited type"
        fi
    done >"$report"
    if [ -s "$report" ]; then cat "$report"; failed=1; fi
fi

for file in $allowed; do
    if ! grep -q 'Unsafe' "$root/$file" 2>/dev/null; then
        echo "$root/$file: on the Unsafe allow-list in scripts/lint-unsafe.sh but has no Unsafe (or is gone); take it off"
        failed=1
    fi
done

[ "$failed" -eq 0 ] && echo "lint-unsafe: ok"
exit "$failed"
