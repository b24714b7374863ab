// `npm run bench:flags`: builds the WASM engine with each candidate set of build flags into its
// own folder (build/flags/<name>), then measures every build on the same workloads under Node,
// in alternating rounds so machine load affects all variants alike, and writes bench/FLAGS.md
// (speed relative to the shipped flags, module sizes). The shipped flags are the ones that win.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { runWorkloads } from './workloads.mjs';
import { summarise } from './timing.mjs';

const root = path.resolve(import.meta.dirname, '..');
const closure = process.env.EM_CLOSURE_COMPILER || path.join(root, 'node_modules', '.bin', 'google-closure-compiler');

export const VARIANTS = [
  { name: 'shipped', label: '-O2, SIMD128 (shipped)', cmake: [], dir: path.join(process.env.BUILD_ROOT || path.join(root, 'build'), 'wasm') },
  { name: 'O3', label: '-O3, SIMD128', cmake: ['-DDW_OPT_LEVEL=-O3'] },
  { name: 'Os', label: '-Os, SIMD128', cmake: ['-DDW_OPT_LEVEL=-Os'] },
  { name: 'lto', label: '-O2 -flto, SIMD128', cmake: ['-DDW_EXTRA_FLAGS=-flto'] },
  { name: 'nosimd', label: '-O2 without SIMD128', cmake: ['-DDW_SIMD=OFF'] },
  // Saturating float-to-int conversions: one instruction instead of a guarded sequence (the
  // default conversion traps out of range); in every browser the engine already needs for SIMD128.
  // (-mbulk-memory does not link against Debian's prebuilt Emscripten libraries: wasm-ld asks for
  // 'atomics' to use thread-local storage.)
  { name: 'fptoint', label: '-O2, SIMD128, -mnontrapping-fptoint', cmake: ['-DDW_EXTRA_FLAGS=-mnontrapping-fptoint'] },
  // Closure needs google-closure-compiler@20220104.0.0 (docs/toolchain.md §11); only measured
  // when that package is installed (npm i --no-save google-closure-compiler@20220104.0.0, or
  // EM_CLOSURE_COMPILER pointing at its bin/google-closure-compiler elsewhere).
  { name: 'closure', label: '-O2, SIMD128, --closure 1', cmake: ['-DDW_LINK_FLAGS=--closure 1'], needs: closure },
];

function build(v) {
  const dir = v.dir || path.join(root, 'build', 'flags', v.name);
  const env = { ...process.env, ...(v.needs ? { EM_CLOSURE_COMPILER: v.needs } : {}) };
  if (!fs.existsSync(path.join(dir, 'CMakeCache.txt')))
    execFileSync('emcmake', ['cmake', '-S', root, '-B', dir, '-DCMAKE_BUILD_TYPE=Release', ...v.cmake], { env, stdio: 'ignore' });
  execFileSync('cmake', ['--build', dir, '-j', String(os.cpus().length), '--target', 'dw_engine_wasm'], { env, stdio: 'inherit' });
  const stage = path.join(dir, 'stage');
  fs.mkdirSync(stage, { recursive: true });
  for (const f of ['dw-engine.mjs', 'dw-engine.wasm']) fs.copyFileSync(path.join(dir, f), path.join(stage, f));
  fs.copyFileSync(path.join(root, 'web', 'engine', 'index.js'), path.join(stage, 'index.js'));
  return stage;
}

const size = (f) => ({ raw: fs.statSync(f).size, gzip: zlib.gzipSync(fs.readFileSync(f)).length });

// --variants=shipped,fptoint measures only those (the shipped build first, as the reference).
const chosen = (process.argv.find((a) => a.startsWith('--variants=')) || '').slice(11).split(',').filter(Boolean);
const variants = VARIANTS.filter((v) => (!v.needs || fs.existsSync(v.needs)) && (!chosen.length || chosen.includes(v.name) || v.name === 'shipped'));
const skipped = VARIANTS.filter((v) => v.needs && !fs.existsSync(v.needs));
const engines = [];
for (const v of variants) {
  console.log(`building ${v.label} …`);
  const stage = build(v);
  const { loadEngine } = await import(pathToFileURL(path.join(stage, 'index.js')).href);
  engines.push({ v, ml: await loadEngine(), wasm: size(path.join(stage, 'dw-engine.wasm')), glue: size(path.join(stage, 'dw-engine.mjs')) });
}

// Alternating rounds, each starting one variant later, so that no variant always runs first
// (warm-up) or last; each variant's figure is its median over the rounds.
const ROUNDS = 5;
const results = engines.map(() => []);
for (let r = 0; r < ROUNDS; r++)
  for (let k = 0; k < engines.length; k++) {
    const i = (k + r) % engines.length;
    console.log(`round ${r + 1}: ${engines[i].v.label}`);
    results[i].push(runWorkloads(engines[i].ml, { js: false, mode: 'quick' }));
  }
const keys = Object.keys(results[0][0]);
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const micros = results.map((rs) => Object.fromEntries(keys.map((k) => [k, median(rs.map((r) => summarise([r[k].wasm]).median))])));

const header = ['flags', 'wasm KiB (gzip)', 'JS glue KiB (gzip)', ...keys.map((k) => `${k} µs`), 'geometric mean vs shipped'];
const rows = engines.map((e, i) => {
  const rel = keys.map((k) => micros[i][k] / micros[0][k]);
  const geo = Math.exp(rel.reduce((s, x) => s + Math.log(x), 0) / rel.length);
  return [e.v.label, `${(e.wasm.raw / 1024).toFixed(0)} (${(e.wasm.gzip / 1024).toFixed(0)})`, `${(e.glue.raw / 1024).toFixed(0)} (${(e.glue.gzip / 1024).toFixed(0)})`,
    ...keys.map((k) => (micros[i][k] >= 100 ? micros[i][k].toFixed(0) : micros[i][k].toFixed(1))), `${geo.toFixed(2)}×`];
});
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const machine = `${os.cpus()[0].model}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end, Node ${process.version}`;
const report = `# Build flags compared

Generated by \`npm run bench:flags\` on ${new Date().toISOString().slice(0, 10)} (${machine}). Each variant is a full
WASM build of the engine; the workloads are bench/workloads.mjs under Node, run in ${ROUNDS} rotating rounds
(median per variant). Times in µs per call, lower is better; the last column is the geometric mean of the
time ratios against the shipped build (below 1 = faster).

${table}
${skipped.length ? `\nNot measured: ${skipped.map((v) => `${v.label} (needs ${path.relative(root, v.needs)})`).join('; ')}.\n` : ''}`;
// A partial comparison (--variants) does not replace the full table.
const out = chosen.length ? path.join(root, 'test-output', `flags-${chosen.join('-')}.md`) : path.join(root, 'bench', 'FLAGS.md');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, report);
console.log(`\n${report}`);
