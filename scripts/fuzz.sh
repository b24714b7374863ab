#!/usr/bin/env bash
# Builds the engine with clang + libFuzzer + ASan + UBSan (build/fuzz) and fuzzes its public API
# for a bounded time: `scripts/fuzz.sh [seconds] [runs]`. npm test runs a fixed seed for a fixed
# number of inputs (reproducible: the same build always explores the same inputs), capped in time;
# `scripts/fuzz.sh 3600 0` fuzzes for an hour with a random seed.
# Any crash, sanitizer report or non-dw::Error exception fails the run and leaves the input in
# build/fuzz/crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
runs=${2:-50000}
root=${BUILD_ROOT:-build}/fuzz
mkdir -p "$root/corpus"
# Line tables (not full debug info) are enough for a symbolised sanitizer report, and Eigen parsed
# once into a precompiled header: together about a third less compiling on a fresh machine.
flags="-std=c++17 -O1 -gline-tables-only -fno-omit-frame-pointer -ffp-contract=off -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -DNDEBUG -Iengine/include -isystem /usr/include/eigen3"
pch="$root/eigen.hpp.pch"
if [[ ! -f $pch || $0 -nt $pch ]]; then
  printf '#include <Eigen/Dense>\n#include <string>\n#include <vector>\n' > "$root/eigen.hpp"
  clang++ $flags -fsanitize=fuzzer-no-link -x c++-header "$root/eigen.hpp" -o "$pch"
  rm -f "$root"/*.o
fi
objs=()
for src in engine/src/*.cpp; do
  obj="$root/$(basename "${src%.cpp}").o"
  if [[ ! -f $obj || $src -nt $obj || -n $(find engine/include -newer "$obj" -name '*.hpp' -print -quit) ]]; then
    clang++ $flags -fsanitize=fuzzer-no-link -include-pch "$pch" -c "$src" -o "$obj" &
    while (($(jobs -r | wc -l) >= $(nproc))); do wait -n; done
  fi
  objs+=("$obj")
done
wait
clang++ $flags tests/fuzz/engine_fuzz.cpp "${objs[@]}" -o "$root/engine_fuzz"
echo "fuzzing the engine API: ${runs} inputs (0 = unlimited), at most ${seconds}s (ASan + UBSan)"
if [[ $runs == 0 ]]; then
  limits=(-max_total_time="$seconds")
else
  rm -rf "$root/corpus" && mkdir -p "$root/corpus"  # start empty so the fixed-seed run is reproducible
  limits=(-seed=1 -runs="$runs" -max_total_time="$seconds")
fi
"$root/engine_fuzz" "${limits[@]}" -timeout=20 -rss_limit_mb=4096 -max_len=4096 -print_final_stats=1 \
  -artifact_prefix="$root/" "$root/corpus" 2>&1 | tail -n 12
