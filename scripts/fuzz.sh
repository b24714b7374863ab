#!/usr/bin/env bash
# Builds the engine with clang + libFuzzer + ASan + UBSan (build/fuzz) and fuzzes its public API
# for a bounded time: `scripts/fuzz.sh [seconds]` (default 60; npm test uses 60).
# Any crash, sanitizer report or non-dw::Error exception fails the run and leaves the input in
# build/fuzz/crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
root=${BUILD_ROOT:-build}/fuzz
mkdir -p "$root/corpus"
# -O0 keeps the instrumented build quick on 2 cores; the fuzzer needs coverage, not speed.
flags="-std=c++17 -O0 -g -fno-omit-frame-pointer -ffp-contract=off -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -DNDEBUG -Iengine/include -isystem /usr/include/eigen3"
objs=()
for src in engine/src/*.cpp; do
  obj="$root/$(basename "${src%.cpp}").o"
  if [[ ! -f $obj || $src -nt $obj || -n $(find engine/include -newer "$obj" -name '*.hpp' -print -quit) ]]; then
    clang++ $flags -fsanitize=fuzzer-no-link -c "$src" -o "$obj" &
    while (($(jobs -r | wc -l) >= $(nproc))); do wait -n; done
  fi
  objs+=("$obj")
done
wait
clang++ $flags tests/fuzz/engine_fuzz.cpp "${objs[@]}" -o "$root/engine_fuzz"
echo "fuzzing the engine API for ${seconds}s (ASan + UBSan)"
"$root/engine_fuzz" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=4096 -print_final_stats=1 \
  -artifact_prefix="$root/" "$root/corpus" 2>&1 | tail -n 12
