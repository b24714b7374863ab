#!/usr/bin/env bash
# Builds the engine with clang + libFuzzer + ASan + UBSan (build/check) and fuzzes its public API
# for a bounded time: `scripts/fuzz.sh [seconds] [runs]`. npm test runs a fixed seed for a fixed
# number of inputs (reproducible: the same build always explores the same inputs), capped in time;
# `scripts/fuzz.sh 3600 0` fuzzes for an hour with a random seed.
# Any crash, sanitizer report or non-dw::Error exception fails the run and leaves the input in
# build/check/crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
runs=${2:-50000}
root=${BUILD_ROOT:-build}/check
# The checking build compiles the engine once with ASan + UBSan and libFuzzer's coverage hooks; the
# same objects serve the Catch2 tests (scripts/build-engine.sh, CMakeLists.txt DW_SANITIZE).
bash scripts/build-engine.sh check
mkdir -p "$root/corpus"
echo "fuzzing the engine API: ${runs} inputs (0 = unlimited), at most ${seconds}s (ASan + UBSan)"
if [[ $runs == 0 ]]; then
  limits=(-max_total_time="$seconds")
else
  rm -rf "$root/corpus" && mkdir -p "$root/corpus"  # start empty so the fixed-seed run is reproducible
  limits=(-seed=1 -runs="$runs" -max_total_time="$seconds")
fi
"$root/dw_engine_fuzz" "${limits[@]}" -timeout=20 -rss_limit_mb=4096 -max_len=4096 -print_final_stats=1 \
  -artifact_prefix="$root/" "$root/corpus" 2>&1 | tail -n 12
