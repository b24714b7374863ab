#!/usr/bin/env bash
# Builds the engine twice: natively (library, Catch2 tests, native bench) into $root/native and
# to WebAssembly (embind module dw-engine.mjs + .wasm) into $root/wasm. Incremental: a second
# run only recompiles what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
what=${1:-all}
# BUILD_ROOT lets parallel work trees or helpers keep separate build folders.
root=${BUILD_ROOT:-build}
if [[ $what == all || $what == native ]]; then
  [[ -f $root/native/CMakeCache.txt ]] || cmake -S . -B $root/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build $root/native -j"$jobs"
fi
if [[ $what == all || $what == wasm ]]; then
  [[ -f $root/wasm/CMakeCache.txt ]] || emcmake cmake -S . -B $root/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build $root/wasm -j"$jobs"
fi
