// The engine's two modules (web/engine/index.js): the small core module binds everything a widget
// declared 'core' calls and every core check-yourself computation, and gives the same numbers
// as the full module; the pages that preload it are exactly the ones whose widgets and checks
// are all core. A widget that declares 'core' but calls a class the core module does not bind
// fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEngine } from './engine.mjs';
import { computations, evaluateComputation, parseComputation } from '../../web/js/check-computations.js';
import { coreComputations } from '../../web/js/check-computations/core-names.js';
import { pageEngine, readCourse, widgetEngine } from '../../scripts/lesson-render.mjs';
import { widgets } from '../../web/widgets/registry.js';

const root = path.resolve(import.meta.dirname, '../..');
const web = path.join(root, 'web');
const dir = process.env.DW_ENGINE_DIR || path.join(root, 'dist', 'engine');
// engine.mjs has loaded the full module already, and then loadEngine('core') hands over the full
// one (it binds every core class); a second instance of index.js has not, so it loads the core.
const fresh = await import(`${pathToFileURL(path.join(dir, 'index.js')).href}?core-only`);
const core = await fresh.loadEngine('core');
const full = await loadEngine('full');
const course = readCourse(path.join(root, 'lessons'));

// Every `ml.Name` in a file and in the local modules it imports (transitively, inside web/).
function engineNames(file, seen = new Set()) {
  if (seen.has(file) || !fs.existsSync(file)) return new Set();
  seen.add(file);
  const text = fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, ''); // comments name classes as examples
  const names = new Set([...text.matchAll(/\bml\.([A-Za-z_]\w*)/g)].map((m) => m[1]));
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+\.js)'/g)) {
    const next = path.resolve(path.dirname(file), m[1]);
    if (!next.startsWith(web) || next.includes(`${path.sep}engine${path.sep}`)) continue;
    for (const n of engineNames(next, seen)) names.add(n);
  }
  return names;
}

test('the two modules are different links: the core one lacks the other families and is much smaller', () => {
  assert.equal(core.engineModule, 'core');
  assert.equal(full.engineModule, 'full');
  for (const name of ['LinearRegression', 'LogisticRegression', 'PolynomialRegression', 'makeMoons', 'courseHouses', 'houseTable']) {
    assert.equal(typeof core[name], 'function', `core binds ${name}`);
  }
  for (const name of ['KMeans', 'DecisionTree', 'MLP', 'meanSquaredError']) {
    assert.equal(core[name], undefined, `core does not bind ${name}`);
    assert.equal(typeof full[name], 'function', `full binds ${name}`);
  }
  const size = (f) => fs.statSync(path.join(dir, f)).size;
  assert.ok(size('dw-core.wasm') < size('dw-engine.wasm') / 3, `core ${size('dw-core.wasm')} B vs full ${size('dw-engine.wasm')} B`);
});

test('loadEngine names its modules and refuses others in words', async () => {
  assert.equal(await loadEngine(), full, 'loadEngine() is the full module, loaded once');
  assert.equal(await loadEngine('core'), full, 'once the full module is loaded, it serves the core\'s callers');
  assert.equal(await fresh.loadEngine('core'), core, 'the core module is loaded once');
  await assert.rejects(loadEngine('trees'), /no engine module called "trees".*core and full/);
});

test('every widget that declares the core module calls only what the core module binds', async () => {
  const coreWidgets = Object.keys(widgets).filter((name) => widgetEngine(name) === 'core');
  assert.ok(coreWidgets.includes('gd-walkthrough') && coreWidgets.length >= 10, coreWidgets.join(', '));
  for (const name of coreWidgets) {
    const missing = [...engineNames(path.join(web, 'widgets', `${name}.js`))].filter((n) => core[n] === undefined);
    assert.deepEqual(missing, [], `${name} declares engine 'core' but calls ${missing.join(', ')}`);
  }
});

test('the build reads each widget\'s declaration as the module exports it', async () => {
  for (const [name, load] of Object.entries(widgets)) {
    const mod = await load();
    assert.equal(mod.engine || 'full', widgetEngine(name), name);
  }
});

test('every core computation a lesson asks gives the same number from the core module as from the full one', () => {
  let checked = 0;
  for (const lesson of course.lessons) {
    for (const m of lesson.body.matchAll(/^\s*=\s*(.*?)\s*±/gm)) {
      const parsed = parseComputation(m[1]);
      if (!coreComputations.has(parsed.name)) continue;
      assert.equal(evaluateComputation(core, parsed), evaluateComputation(full, parsed), `${lesson.slug}: ${m[1]}`);
      checked += 1;
    }
  }
  assert.ok(checked >= 5, `${checked} core computations checked`);
});

test('every computation listed as core calls only what the core module binds', () => {
  assert.ok(coreComputations.size >= 4);
  for (const name of coreComputations) {
    assert.equal(typeof computations[name], 'function', `core-names.js lists "${name}", which no topic module defines`);
    const calls = [...computations[name].toString().matchAll(/\bml\.([A-Za-z_]\w*)/g)].map((m) => m[1]);
    assert.ok(calls.length, `${name} calls the engine`);
    assert.deepEqual(calls.filter((n) => core[n] === undefined), [], `${name} is listed as core`);
  }
});

test('the first lesson and the foundations pages with only core widgets and checks preload the core module', () => {
  const first = course.lessons.find((l) => l.slug === 'how-models-learn');
  assert.equal(pageEngine(first), 'core');
  // A page with a full widget, or with a check that needs the full module, preloads the full one.
  assert.equal(pageEngine(course.lessons.find((l) => l.slug === 'train-vs-test')), 'full');
  assert.equal(pageEngine(course.lessons.find((l) => l.slug === 'generalisation')), 'full', 'mse.value needs meanSquaredError');
  assert.equal(pageEngine(course.lessons.find((l) => l.slug === 'notation')), null);
});
