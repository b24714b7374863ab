// Lesson sentences that name a colour the theme changes. The site has a dark mode in which the
// model colour is near-white and the heat maps fade to a near-black background, so a sentence that
// says "the black curve", "white for zero" or "goes pale" is false for every learner reading in
// dark mode. Such a sentence names the colour by its role ("the model colour", "the background
// colour") or says what dark mode shows. Reference lists (paper titles) are not about our pictures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

// Words about the data itself, not about what a widget draws.
const ABOUT_DATA = [/black-and-white bitmap/];

test('no lesson sentence calls a drawn thing black, white or pale without saying what dark mode shows', () => {
  const found = [];
  for (const file of readdirSync('lessons').filter((f) => f.endsWith('.md'))) {
    const lines = readFileSync(`lessons/${file}`, 'utf8').split('\n').filter((l) => !/^\*\*(References|Further reading)\./.test(l));
    for (const sentence of lines.join('\n').split(/(?<=[.!?])\s+/)) {
      if (!/\b(black|white|pale|paler)\b/i.test(sentence) || /dark mode/i.test(sentence)) continue;
      if (ABOUT_DATA.some((re) => re.test(sentence))) continue;
      found.push(`${file}: ${sentence.slice(0, 140)}`);
    }
  }
  assert.deepEqual(found, []);
});

// The same holds for the words widgets show (their message tables): a legend or a hint that says
// "black" must say what dark mode draws.
test('no widget message calls a drawn thing black, white or pale without saying what dark mode shows', () => {
  const tables = [
    ...readdirSync('web/widgets').filter((f) => f.endsWith('.messages.js')).map((f) => `web/widgets/${f}`),
    ...readdirSync('web/widgets', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `web/widgets/${d.name}/messages.js`),
    'web/lib/messages-en.js',
  ].filter((f) => { try { readFileSync(f); return true; } catch { return false; } });
  const found = [];
  for (const file of tables) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (/\b(black|white|pale|paler)\b/i.test(line) && !/dark mode/i.test(line)) found.push(`${file}: ${line.trim().slice(0, 140)}`);
    }
  }
  assert.ok(tables.length > 50, `${tables.length} message tables read`);
  assert.deepEqual(found, []);
});
