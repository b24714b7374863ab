#!/usr/bin/env bash
# Every test: native Catch2 (through CTest), the WASM module in Node, and the site in headless
# Chromium. Run by `npm test` after the build; exits non-zero if any part fails.
set -uo pipefail
cd "$(dirname "$0")/.."
root=${BUILD_ROOT:-build}
status=0

echo "== native engine tests (Catch2 via CTest)"
(cd "$root/native" && ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)") || status=1

echo "== engine API fuzzing (libFuzzer + ASan + UBSan, bounded time)"
bash scripts/fuzz.sh "${DW_FUZZ_SECONDS:-120}" "${DW_FUZZ_RUNS:-50000}" || status=1

echo "== single-file build for the file:// tests"
node scripts/build-single.mjs || status=1

echo "== WASM engine in Node, lesson claims (lessons/*.claims.test.mjs), then the site in Chromium (node:test)"
# Two files at a time: browser tests spend much of their time waiting on pages.
node --test --test-concurrency=2 tests/node/ lessons/ tests/browser/ || status=1

exit $status
