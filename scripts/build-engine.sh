#!/usr/bin/env bash
# Builds the engine twice: natively (library, Catch2 tests, native bench) into build/native and
# to WebAssembly (embind module dw-engine.mjs + .wasm) into build/wasm. Incremental: a second
# run only recompiles what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
what=${1:-all}
if [[ $what == all || $what == native ]]; then
  [[ -f build/native/CMakeCache.txt ]] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$jobs"
fi
if [[ $what == all || $what == wasm ]]; then
  [[ -f build/wasm/CMakeCache.txt ]] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/wasm -j"$jobs"
fi
