#!/usr/bin/env bash
# Copies the built WASM module and its JS entry point into a folder that can be imported:
#   scripts/stage-engine.sh [build-root] [out-dir]   (defaults: build, dist/engine)
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-${BUILD_ROOT:-build}}
out=${2:-dist/engine}
mkdir -p "$out"
# Both modules: the full one (dw-engine) and the core one (dw-core); web/engine/index.js picks.
cp "$root/wasm/dw-engine.mjs" "$root/wasm/dw-engine.wasm" "$root/wasm/dw-core.mjs" "$root/wasm/dw-core.wasm" web/engine/index.js "$out/"
