// The layers the style guide promises, checked on the import lines: the engine never sees
// Emscripten (only engine/bindings does); web/lib (shared helpers) imports no widget and no page
// code; page code (web/js) reaches widgets only through the registry, which loads them on demand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const filesIn = (dir, ext) => fs.readdirSync(path.join(root, dir), { recursive: true })
  .filter((f) => ext.some((e) => f.endsWith(e))).map((f) => path.join(dir, f));
// The modules a source names: static `import … from` / `export … from`, and dynamic import().
const importsIn = (text) => [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)]
  .map((m) => m[1] || m[2]);
const importsOf = (file) => importsIn(fs.readFileSync(path.join(root, file), 'utf8'));

// A sample of each breach the checks below catch, so the checks can fail.
const sample = "import { x } from '../widgets/ml-badge/attempt.js';\nconst y = import('../js/progress.js');";
test('the import reader sees static and dynamic imports', () => {
  assert.deepEqual(importsIn(sample), ['../widgets/ml-badge/attempt.js', '../js/progress.js']);
});

test('web/lib imports no widget and no page code', () => {
  const bad = filesIn('web/lib', ['.js']).flatMap((f) => importsOf(f).filter((i) => /(^|\/)\.\.\/(widgets|js)\//.test(i)).map((i) => `${f} → ${i}`));
  assert.deepEqual(bad, []);
});

test('page code (web/js) reaches widgets only through the registry', () => {
  const bad = filesIn('web/js', ['.js']).flatMap((f) => importsOf(f).filter((i) => /\/widgets\//.test(i) && !/\/widgets\/registry\.js$/.test(i)).map((i) => `${f} → ${i}`));
  assert.deepEqual(bad, []);
});

test('the engine never sees Emscripten: only engine/bindings includes its headers', () => {
  const bad = [...filesIn('engine/src', ['.cpp', '.hpp']), ...filesIn('engine/include', ['.hpp'])]
    .filter((f) => /#include\s*<emscripten/.test(fs.readFileSync(path.join(root, f), 'utf8')));
  assert.deepEqual(bad, []);
  assert.ok(filesIn('engine/bindings', ['.cpp']).some((f) => /#include\s*<emscripten/.test(fs.readFileSync(path.join(root, f), 'utf8'))), 'the bindings do include it');
});
