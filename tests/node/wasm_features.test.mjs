// The engine checks for the WebAssembly features it is built with (SIMD128, exceptions) before
// compiling, so a browser without them gets a sentence naming the browsers that work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.env.DW_ENGINE_DIR || path.resolve(import.meta.dirname, '../../dist/engine');
const { missingWasmFeatures, SUPPORTED_BROWSERS } = await import(pathToFileURL(path.join(dir, 'index.js')).href);

test('Node 20 has every WebAssembly feature the engine needs', () => {
  assert.deepEqual(missingWasmFeatures(), []);
});

test('the feature probes are valid modules that need exactly their feature', () => {
  // A validator that refuses any module using the 0xfd (SIMD) prefix, or try (0x06) / catch_all (0x19).
  const noSimd = { validate: (bytes) => !bytes.includes(0xfd) && WebAssembly.validate(bytes) };
  const noExceptions = { validate: (bytes) => !(bytes.includes(0x06) && bytes.includes(0x19)) && WebAssembly.validate(bytes) };
  assert.deepEqual(missingWasmFeatures(noSimd), ['SIMD128']);
  assert.deepEqual(missingWasmFeatures(noExceptions), ['exception handling']);
  assert.deepEqual(missingWasmFeatures({ validate: () => { throw new Error('no'); } }), ['SIMD128', 'exception handling']);
  assert.deepEqual(missingWasmFeatures(null), ['WebAssembly']);
  assert.match(SUPPORTED_BROWSERS, /Firefox 100.*Safari 16\.4/);
});
