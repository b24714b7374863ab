// Typeset math under a strict CSP: KaTeX's inline style="" attributes become classes (ks0, ks1, …)
// at build time (scripts/lesson-render.mjs), and each page links a stylesheet holding exactly the
// classes it uses, so a first visit fetches its own rules and nothing is left unstyled.
// Reads the built site (dist/, `npm run build`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(import.meta.dirname, '../../dist');
const pages = ['index.html', 'gallery.html', ...fs.readdirSync(path.join(dist, 'lessons')).filter((f) => f.endsWith('.html')).map((f) => `lessons/${f}`)];

test('every page links exactly the math classes it uses, and no page has a style attribute', () => {
  let withMath = 0;
  for (const rel of pages) {
    const html = fs.readFileSync(path.join(dist, rel), 'utf8');
    assert.ok(!/<[^>]+\sstyle="/.test(html), `${rel}: a style attribute (refused by the strict CSP)`);
    const used = new Set();
    for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (/^ks\d+$/.test(c)) used.add(c);
    const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]*css\/katex-[0-9a-f]+\.css)">/g)].map((m) => m[1]);
    if (!used.size) {
      assert.deepEqual(links, [], `${rel} uses no math class but links a math stylesheet`);
      continue;
    }
    withMath += 1;
    assert.equal(links.length, 1, `${rel}: one math stylesheet`);
    const css = fs.readFileSync(path.resolve(path.dirname(path.join(dist, rel)), links[0]), 'utf8');
    const defined = new Set([...css.matchAll(/^\.(ks\d+)\{[^}]+\}$/gm)].map((m) => m[1]));
    assert.deepEqual([...used].filter((c) => !defined.has(c)), [], `${rel}: classes with no rule`);
    assert.deepEqual([...defined].filter((c) => !used.has(c)), [], `${rel}: rules it does not use`);
  }
  assert.ok(withMath > 40, `only ${withMath} pages typeset math`);
});
