// The engine's JS entry point, for browsers and Node alike:
//   import { loadEngine } from './engine/index.js';
//   const ml = await loadEngine();            // loads the WASM once per page/process
//   const model = new ml.LinearRegression();  // … model.delete() when done (mandatory)
// Views returned by predict()/predictGrid() point into WASM memory and are valid only until the
// next engine call; copy them with .slice() to keep them.
//
// The engine comes as two WebAssembly modules, two links of the same C++ (CMakeLists.txt):
//   'full'  every class and function (dw-engine.wasm) — what loadEngine() resolves to;
//   'core'  what the first levels use (dw-core.wasm, about a fifth of the bytes): the Model
//           interface, LinearRegression, the data generators, the linear-model family
//           (LogisticRegression, SoftmaxRegression, PolynomialRegression, Perceptron,
//           sinExperiment), houseTable and courseHouses, heapBytesInUse, and the helpers below.
// loadEngine('core') loads the core module, or hands over the full one when this page has
// already asked for it (it has every core class). A widget declares the module it needs next to
// its schema (`export const engine = 'core'`; the default is 'full'), and the lesson page's head
// preloads exactly the module its widgets need (scripts/lesson-render.mjs).
const MODULES = {
  core: { glue: () => import('./dw-core.mjs'), wasm: 'dw-core.wasm' },
  full: { glue: () => import('./dw-engine.mjs'), wasm: 'dw-engine.wasm' },
};
export const ENGINE_MODULES = Object.keys(MODULES);

const promises = {};

export function loadEngine(module = 'full') {
  if (!Object.prototype.hasOwnProperty.call(MODULES, module)) {
    return Promise.reject(new RangeError(`loadEngine: there is no engine module called "${String(module).slice(0, 40)}" (the modules are ${ENGINE_MODULES.join(' and ')})`));
  }
  if (module === 'core' && promises.full) return promises.full;
  if (!promises[module]) promises[module] = instantiate(module);
  return promises[module];
}

// The engine is built with two WebAssembly features (CMakeLists.txt): SIMD128 (-msimd128) and
// native exception handling (-fwasm-exceptions, the try/catch form Emscripten 3.1.6 emits).
// A browser without one would fail to compile the module with a cryptic message, so each is
// checked first by validating the smallest module that uses it:
//   SIMD128:    (func (result v128) i32.const 0 i8x16.splat)
//   exceptions: (func try catch_all end)
const WASM_FEATURES = [
  ['SIMD128', [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 253, 15, 11]],
  ['exception handling', [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]],
];
// First versions with both: SIMD128 (Chrome 91, Firefox 89, Safari 16.4) and exceptions
// (Chrome 95, Firefox 100, Safari 15.2).
export const SUPPORTED_BROWSERS = 'Chrome or Edge 95 or later, Firefox 100 or later, or Safari 16.4 or later (on iPhone and iPad: iOS 16.4 or later)';

// The features this JavaScript engine's WebAssembly lacks, by name ([] when all is well).
export function missingWasmFeatures(wasm = globalThis.WebAssembly) {
  if (!wasm || typeof wasm.validate !== 'function') return ['WebAssembly'];
  return WASM_FEATURES.filter(([, bytes]) => {
    try { return !wasm.validate(new Uint8Array(bytes)); } catch { return true; }
  }).map(([name]) => name);
}

async function instantiate(module) {
  const missing = missingWasmFeatures();
  if (missing.length) {
    throw new Error(`This browser cannot run the learning engine: it lacks WebAssembly ${missing.join(' and ')}. `
      + `The lessons work in ${SUPPORTED_BROWSERS}.`);
  }
  const options = {};
  const inline = globalThis.__DW_WASM_BASE64__;
  if (inline) {
    // The single-file build (npm run build:single) carries the module its page needs inline
    // ({ core } or { full }), so it works when the page is opened from file://, where fetching
    // the .wasm beside it is not allowed. A file carrying only the full module serves 'core' too.
    if (module === 'core' && !inline.core && inline.full) module = 'full';
    if (!inline[module]) throw new Error(`This single-file page does not carry the engine's ${module} module.`);
    const text = atob(inline[module]);
    options.wasmBinary = Uint8Array.from(text, (c) => c.charCodeAt(0));
    options.locateFile = (file) => file;
  } else if (typeof process !== 'undefined' && process.versions && process.versions.node) {
    // Node 20's global fetch cannot load a file path, so hand the bytes over directly
    // (docs/toolchain.md §4). Browsers locate the .wasm beside this file by import.meta.url.
    const { readFile } = await import('node:fs/promises');
    options.wasmBinary = await readFile(new URL(`./${MODULES[module].wasm}`, import.meta.url));
  }
  const { default: create } = await MODULES[module].glue();
  const raw = await create(options);
  return Object.assign(raw, helpers(raw), { engineModule: module });
}

function helpers(raw) {
  return {
    // Rows of points ([[x1, x2], …] or [x, …] for one feature) → { data: Float64Array, cols }.
    flatten(rows) {
      if (!Array.isArray(rows) && !ArrayBuffer.isView(rows)) throw new TypeError('flatten: expected an array of rows');
      const first = rows.length ? rows[0] : 0;
      const cols = Array.isArray(first) || ArrayBuffer.isView(first) ? first.length : 1;
      const data = new Float64Array(rows.length * cols);
      rows.forEach((row, i) => {
        if (cols === 1 && !Array.isArray(row) && !ArrayBuffer.isView(row)) data[i] = Number(row);
        else if (!row || row.length !== cols) throw new RangeError(`flatten: row ${i} has ${row ? row.length : 0} values, expected ${cols}`);
        else for (let j = 0; j < cols; j++) data[i * cols + j] = Number(row[j]);
      });
      return { data, cols };
    },
    // A model's trace as a table: { columns, rows, row(i) → {name: value}, column(name) → Float64Array }.
    trace(model) {
      const columns = model.traceColumns();
      const values = model.traceValues();
      const width = columns.length;
      const rows = width ? values.length / width : 0;
      return {
        columns,
        rows,
        values,
        row(i) {
          const out = {};
          columns.forEach((c, j) => { out[c] = values[i * width + j]; });
          return out;
        },
        column(name) {
          const j = columns.indexOf(name);
          if (j < 0) throw new RangeError(`trace: no column named '${name}'`);
          const out = new Float64Array(rows);
          for (let i = 0; i < rows; i++) out[i] = values[i * width + j];
          return out;
        },
      };
    },
    // Runs fn(track) and deletes every engine object passed to track() afterwards, even on error.
    scoped(fn) {
      const owned = [];
      const track = (obj) => { owned.push(obj); return obj; };
      try { return fn(track); } finally { for (const obj of owned.reverse()) if (!obj.isDeleted()) obj.delete(); }
    },
  };
}
