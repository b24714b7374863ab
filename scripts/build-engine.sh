#!/usr/bin/env bash
# Builds the engine: `native` (library, Catch2 tests, native bench; Release, for timing) into
# $root/native, `wasm` (embind modules dw-engine and dw-core) into $root/wasm, `check` (clang with
# ASan + UBSan: library, Catch2 tests, the parity reference and the fuzzer; what npm test runs)
# into $root/check; `all` is native and wasm. Incremental: a second run only recompiles what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
what=${1:-all}
case $what in all|native|wasm|check) ;; *) echo "build-engine.sh: unknown build '$what' (native, wasm, check or all)" >&2; exit 2 ;; esac
# BUILD_ROOT lets parallel work trees or helpers keep separate build folders.
root=${BUILD_ROOT:-build}
if [[ $what == all || $what == native ]]; then
  [[ -f $root/native/CMakeCache.txt ]] || cmake -S . -B $root/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build $root/native -j"$jobs"
fi
if [[ $what == check ]]; then
  # Unity batches of 16 files (CMakeLists.txt says why); configured again if an older checking build lacks them.
  grep -qs '^CMAKE_UNITY_BUILD_BATCH_SIZE:[A-Z]*=16$' $root/check/CMakeCache.txt ||
    CXX=clang++ cmake -S . -B $root/check -DCMAKE_BUILD_TYPE=Release -DDW_SANITIZE=ON -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 >/dev/null
  cmake --build $root/check -j"$jobs"
fi
if [[ $what == all || $what == wasm ]]; then
  # Unity batches of 16 here too (the same batches as the checking build): 203 → 152 CPU-seconds on
  # a fresh clone, and this build is on npm test's critical path (nothing else runs beside it).
  grep -qs '^CMAKE_UNITY_BUILD_BATCH_SIZE:[A-Z]*=16$' $root/wasm/CMakeCache.txt ||
    emcmake cmake -S . -B $root/wasm -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 >/dev/null
  cmake --build $root/wasm -j"$jobs"
fi
