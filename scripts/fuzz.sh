#!/usr/bin/env bash
# Builds the libFuzzer targets (address sanitizer on) and runs each for SECONDS (default 30).
# Crashes are written to Fuzz/artifacts/; turn each into a regression test.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzDirectives FuzzNotebook FuzzRatingsCSV FuzzMoviesCSV)
declare -A corpus=([FuzzDirectives]=directives [FuzzNotebook]=notebook [FuzzRatingsCSV]=ratings [FuzzMoviesCSV]=movies)
mkdir -p artifacts
for target in "${targets[@]}"; do
    # --sanitize fuzzer instruments only this package's targets; the coverage flags reach recbook too.
    swift build -c debug --sanitize fuzzer --sanitize address \
        -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp --product "$target" 2>&1 | grep -vE "ld.gold: warning|Cannot export local symbol" || true
    work=$(mktemp -d)
    cp corpus/"${corpus[$target]}"/* "$work"/
    echo "fuzzing $target for ${seconds}s"
    # The Swift backtracer would keep the pipe open after a crash; libFuzzer reports it instead.
    SWIFT_BACKTRACE=enable=no .build/debug/"$target" "$work" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix=artifacts/"$target"- -print_final_stats=1 2>&1 | tail -n 12
    rm -rf "$work"
done
