#!/usr/bin/env bash
# Every test, after `npm run build` (the WASM engine and the site). Two lanes run side by side:
#   native  build the engine natively, Catch2 through CTest, native = WASM parity, then the engine
#           API fuzzed under ASan + UBSan for a bounded time: compiling, so it keeps the CPUs busy;
#   web     the single-file build, then every node:test file: the WASM engine in Node, the lessons'
#           claims, the site in headless Chromium, and the smoke test of every page in Firefox ESR
#           and WebKitGTK: mostly waiting on pages, so it overlaps well with compiling.
# Exits non-zero if any part fails. Run by `npm test`; the native lane's output is printed when it
# ends, so the two do not interleave.
set -uo pipefail
cd "$(dirname "$0")/.."
root=${BUILD_ROOT:-build}
jobs=$(nproc 2>/dev/null || echo 2)

native_lane() {
  local status=0 start=$SECONDS
  echo "== native engine: build, then Catch2 via CTest"
  bash scripts/build-engine.sh native || return 1
  (cd "$root/native" && ctest --output-on-failure -j"$jobs") || status=1
  echo "== native and WASM give the same bytes for the same seed"
  node --test tests/node/native_parity.test.mjs || status=1
  echo "== engine API fuzzing (libFuzzer + ASan + UBSan, bounded time)"
  bash scripts/fuzz.sh "${DW_FUZZ_SECONDS:-60}" "${DW_FUZZ_RUNS:-50000}" || status=1
  echo "== native lane: $((SECONDS - start)) s"
  return $status
}

native_log=$(mktemp)
# At a lower priority: compiling fills the time the browsers spend waiting, without slowing the
# pages whose tests wait for animations and timers.
export -f native_lane
export root jobs
nice -n 10 bash -c native_lane > "$native_log" 2>&1 &
native_pid=$!

status=0
echo "== single-file build for the file:// tests"
node scripts/build-single.mjs || status=1

# The files, longest first so the long ones do not start last: the cross-browser smoke suite
# (tests/cross-browser/: every page in Firefox ESR and in WebKitGTK, Safari's engine; a missing
# browser fails, it is never skipped; DW_CROSS_BROWSER=0 leaves it out while working on something
# else), then the Chromium site tests, the Node tests and the lessons' claims.
files=()
if [[ ${DW_CROSS_BROWSER:-1} != 0 ]]; then files+=(tests/cross-browser/firefox.test.mjs tests/cross-browser/webkit.test.mjs); fi
files+=(tests/browser/every-page.test.mjs tests/browser/learner-path.test.mjs tests/browser/widget-lifecycle.test.mjs)
for f in tests/browser/*.test.mjs tests/node/*.test.mjs lessons/*.test.mjs; do
  case " ${files[*]} " in *" $f "*) continue ;; esac
  [[ $f == tests/node/native_parity.test.mjs ]] && continue
  files+=("$f")
done
echo "== ${#files[@]} test files: the WASM engine in Node, lesson claims, the site in Chromium, Firefox and WebKit (node:test)"
# Several files at a time: browser tests spend most of their time waiting on pages.
node --test --test-concurrency="${DW_TEST_FILES_AT_ONCE:-3}" "${files[@]}" || status=1

echo "== web lane: ${SECONDS} s"
wait "$native_pid" || status=1
cat "$native_log"
rm -f "$native_log"
exit $status
