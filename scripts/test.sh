#!/usr/bin/env bash
# Every test, after `npm run build` (the WASM engine and the site). Two lanes run side by side:
#   native  build the engine natively once, with clang, ASan + UBSan and libFuzzer's coverage hooks
#           (scripts/build-engine.sh check); Catch2 through CTest, native = WASM parity and the engine
#           API fuzzed for a bounded time all use those objects (at a lower priority this lane
#           starved and finished last);
#   web     the single-file build, then every node:test file: the WASM engine in Node, the lessons'
#           claims, the site in headless Chromium, and the smoke test of every page in Firefox ESR
#           and WebKitGTK (on 2 cores both lanes together keep the CPUs busy throughout; the
#           README says where the time goes).
# Exits non-zero if any part fails. Run by `npm test`; the native lane's output is printed when it
# ends, so the two do not interleave, and a list of every failure closes the output.
set -uo pipefail
cd "$(dirname "$0")/.."
root=${BUILD_ROOT:-build}
jobs=$(nproc 2>/dev/null || echo 2)

native_lane() {
  local status=0 start=$SECONDS
  echo "== native engine (clang, ASan + UBSan): build, then Catch2 via CTest"
  bash scripts/build-engine.sh check || return 1
  (cd "$root/check" && ctest --output-on-failure -j"$jobs") || status=1
  echo "== native and WASM give the same bytes for the same seed"
  node --test tests/node/native_parity.test.mjs || status=1
  echo "== engine API fuzzing (libFuzzer + ASan + UBSan, bounded time)"
  bash scripts/fuzz.sh "${DW_FUZZ_SECONDS:-60}" "${DW_FUZZ_RUNS:-50000}" || status=1
  echo "== native lane: $((SECONDS - start)) s"
  return $status
}

native_log=$(mktemp)
native_lane > "$native_log" 2>&1 &
native_pid=$!

status=0
echo "== single-file build for the file:// tests"
node scripts/build-single.mjs || status=1

# The cross-browser smoke suite (tests/cross-browser/: every page in Firefox ESR and in WebKitGTK,
# Safari's engine; a missing browser fails, it is never skipped; DW_CROSS_BROWSER=0 leaves it out
# while working on something else) is the longest pair of files: it starts first, in a runner of
# its own (node:test orders the files it is given by name, which would start it last).
cross_log=$(mktemp)
cross_pid=
if [[ ${DW_CROSS_BROWSER:-1} != 0 ]]; then
  node --test --test-concurrency=2 tests/cross-browser/firefox.test.mjs tests/cross-browser/webkit.test.mjs > "$cross_log" 2>&1 &
  cross_pid=$!
fi

files=()
for f in tests/browser/*.test.mjs tests/node/*.test.mjs lessons/*.test.mjs; do
  [[ $f == tests/node/native_parity.test.mjs ]] && continue
  files+=("$f")
done
echo "== ${#files[@]} test files: the WASM engine in Node, lesson claims, the site in Chromium (node:test)"
# Several files at a time: browser tests spend most of their time waiting on pages. One Chromium
# serves every browser test file (scripts/shared-chromium.mjs: started before the run, closed when
# it ends however it ends) instead of one launched and closed per file.
web_log=$(mktemp)
node scripts/shared-chromium.mjs node --test --test-concurrency="${DW_TEST_FILES_AT_ONCE:-3}" "${files[@]}" 2>&1 | tee "$web_log"
[[ ${PIPESTATUS[0]} == 0 ]] || status=1

if [[ -n $cross_pid ]]; then
  wait "$cross_pid" || status=1
  echo "== cross-browser smoke: every page in Firefox ESR and in WebKitGTK (Safari's engine)"
  cat "$cross_log"
fi

echo "== web lane: ${SECONDS} s"
wait "$native_pid" || status=1
cat "$native_log"
# CI keeps only the end of what a run prints: the failures come last, each with its message and place.
echo "== failures"
grep -h -B2 -A8 -E 'FAILED|Failed|ERROR: (Address|Undefined)Sanitizer' "$native_log" | head -80
node scripts/tap-failures.mjs "$web_log" "$cross_log" "$native_log"
rm -f "$native_log" "$web_log" "$cross_log"
echo "== npm test: $([[ $status == 0 ]] && echo passed || echo FAILED) in ${SECONDS} s"
exit $status
