#!/usr/bin/env bash
# Copies the built WASM module and its JS entry point into a folder that can be imported:
#   scripts/stage-engine.sh [build-root] [out-dir]   (defaults: build, dist/engine)
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-${BUILD_ROOT:-build}}
out=${2:-dist/engine}
mkdir -p "$out"
cp "$root/wasm/dw-engine.mjs" "$root/wasm/dw-engine.wasm" web/engine/index.js "$out/"
