#!/usr/bin/env bash
# Installs what this project needs on a Debian machine, skipping whatever is already there:
#   apt: Emscripten 3.1.6, Eigen 3, Catch2 2, CMake, Chromium (benchmarks) and its headless shell (browser
#        tests), clang + libFuzzer runtime (fuzz test), Firefox ESR, WebKitGTK's WebDriver and Xvfb (cross-browser smoke tests)
#   npm: the locked dev dependencies (KaTeX, marked, playwright-core, axe-core, puppeteer-core, selenium-webdriver)
# Safe to run any number of times. The network reaches Debian and npm only, so nothing here
# downloads toolchains or browsers by other means (no emsdk, no `playwright install`).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v em++ >/dev/null 2>&1 || need+=(emscripten)
command -v cmake >/dev/null 2>&1 || need+=(cmake)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v make >/dev/null 2>&1 || need+=(make)
[[ -f /usr/include/eigen3/Eigen/Dense ]] || need+=(libeigen3-dev)
[[ -f /usr/include/catch2/catch.hpp ]] || need+=(catch2)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# The tests run in its headless shell (tests/browser/browser.mjs says why); the benchmarks in the full browser.
command -v chromium-headless-shell >/dev/null 2>&1 || need+=(chromium-headless-shell)
# The cross-browser smoke suite (tests/cross-browser/): Firefox driven over WebDriver BiDi, and
# WebKitGTK (Safari's engine) through its WebDriver, which needs an X display, hence Xvfb.
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
command -v WebKitWebDriver >/dev/null 2>&1 || need+=(webkit2gtk-driver)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
# clang's libFuzzer and sanitizer runtimes, for the engine fuzz test (scripts/fuzz.sh).
command -v clang++ >/dev/null 2>&1 || need+=(clang)
compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null || need+=(libclang-rt-14-dev)
if ((${#need[@]})); then
  echo "setup: installing ${need[*]} from Debian"
  sudo=""
  [[ $(id -u) == 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# npm ci only when the lock file changed since the last install (node_modules/.package-lock.json
# is npm's own record of what is installed).
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
