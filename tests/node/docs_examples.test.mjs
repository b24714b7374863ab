// Runs every ```js example block in docs/engine-api.md and docs/engine-api/*.md against the
// WASM engine, so the documentation cannot drift from the real API. Each block is the body of
// an async function with `ml` (the loaded engine) and `assert` in scope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ml } from './engine.mjs';

const docs = path.resolve(import.meta.dirname, '../../docs');
const files = [path.join(docs, 'engine-api.md')];
const familyDir = path.join(docs, 'engine-api');
if (fs.existsSync(familyDir)) for (const f of fs.readdirSync(familyDir).sort()) if (f.endsWith('.md')) files.push(path.join(familyDir, f));
const AsyncFunction = (async () => {}).constructor;

for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const blocks = [...text.matchAll(/```js example\n([\s\S]*?)```/g)].map((m) => m[1]);
  test(`${path.relative(docs, file)} has runnable examples`, () => assert.ok(blocks.length > 0));
  blocks.forEach((code, i) => {
    test(`${path.relative(docs, file)} example ${i + 1}`, async () => {
      await new AsyncFunction('ml', 'assert', code)(ml, assert);
    });
  });
}
