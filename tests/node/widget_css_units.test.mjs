// Widget CSS is loaded inside each <dw-widget>'s shadow root, where `rem` is the HOST page's root
// font size: a host with html { font-size: 62.5% } shrank a table to 6.9 px type (audit 10 B1).
// So a length that grows with the learner's text is calc(N * var(--dw-rem, 1rem)) (web/embed.js),
// and a container query, which cannot read a custom property, uses em. tokens.css sizes text in
// rem for the site's pages; the embed restates those tokens (web/css/embed-host.css).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const css = path.resolve(import.meta.dirname, '../../web/css');
const widgetFiles = ['widget.css', ...['shared', 'widgets'].flatMap((folder) =>
  fs.readdirSync(path.join(css, folder)).filter((f) => f.endsWith('.css')).map((f) => `${folder}/${f}`))];

test('widget CSS never sizes in rem outside var(--dw-rem, 1rem)', () => {
  const found = [];
  for (const file of widgetFiles) {
    const text = fs.readFileSync(path.join(css, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replaceAll('var(--dw-rem, 1rem)', '');
    for (const m of text.matchAll(/\d*\.?\d+rem\b/g)) found.push(`${file}: ${m[0]}`);
  }
  assert.deepEqual(found, []);
});
