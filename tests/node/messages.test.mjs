// The runtime's message tables (web/lib/messages.js): every key the web code asks for exists in
// English, every English key is asked for somewhere, and a second language falls back to English
// key by key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { addMessages, messageFunction } from '../../web/lib/messages.js';
import { en } from '../../web/lib/messages-en.js';

const webDir = path.resolve(import.meta.dirname, '../../web');
function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return d.name.endsWith('.js') && d.name !== 'messages-en.js' ? [fs.readFileSync(p, 'utf8')] : [];
  });
}
const code = sources(webDir).join('\n');
// A widget's own words live in its own table (<name>.messages.js, or messages.js in its folder;
// tests/node/widget_messages.test.mjs checks those): their keys are not the runtime's.
const widgetsDir = path.join(webDir, 'widgets');
const widgetTables = fs.readdirSync(widgetsDir, { withFileTypes: true }).flatMap((d) => {
  const p = d.isDirectory() ? path.join(widgetsDir, d.name, 'messages.js') : path.join(widgetsDir, d.name);
  return (d.isDirectory() ? fs.existsSync(p) : d.name.endsWith('.messages.js')) ? [p] : [];
});
const widgetKeys = new Set((await Promise.all(widgetTables.map((f) => import(f)))).flatMap((m) => Object.keys(m.messages)));
// t('key' …), card.t('key' …), ctx.t('key' …) and english('key' …) (code outside any widget) with a
// literal key; keys built at run time from a literal prefix are listed here with every ending they can take.
const literal = [...code.matchAll(/\b(?:t|english)\('([a-z][\w.]*)'/g)].map((m) => m[1]).filter((k) => !widgetKeys.has(k));
const built = [
  ...['choice', 'number'].flatMap((kind) => ['Held', 'Missed'].map((end) => `predict.${kind}${end}`)),
  ...['attribute', 'address', 'options', 'update', 'file'].map((from) => `card.from.${from}`),
];
assert.ok(code.includes('t(`predict.${choices ?'), 'the predict box builds its verdict key');
assert.ok(code.includes('t(`card.from.${from}`)'), 'the card builds the notes source key');


test('every key the web code asks for has an English message', () => {
  assert.ok(literal.length > 50, `found ${literal.length} literal keys`);
  const missing = [...new Set([...literal, ...built])].filter((k) => !(k in en) && !widgetKeys.has(k));
  assert.deepEqual(missing, []);
});

test('every English message is used', () => {
  const used = new Set([...literal, ...built]);
  assert.deepEqual(Object.keys(en).filter((k) => !used.has(k)), []);
});

test('placeholders are filled; an unknown key throws; a missing parameter stays visible', () => {
  const t = messageFunction('en');
  assert.equal(t('predict.tolerance', { tolerance: '0.05' }), 'Counts as right within ± 0.05.');
  assert.equal(t('quiz.counter', { index: 2, total: 8 }), 'Scenario 2 of 8');
  assert.equal(t('csv.imported', { count: 1, what: 2 }), 'Imported 1 point in 2 classes.');
  assert.equal(t('csv.imported', { count: 12, what: 'values' }), 'Imported 12 points with values.');
  assert.equal(t('quiz.verdict', { share: 0.75, chance: 0.5 }), 'Strong instincts.');
  assert.equal(t('quiz.verdict', { share: 0.74, chance: 0.25 }), 'Good start: reread the reasons for the ones you missed, listed in this card.');
  assert.equal(t('predict.tolerance'), 'Counts as right within ± {tolerance}.');
  assert.throws(() => t('predict.no-such-key'), /No message "predict.no-such-key"/);
});

test('a second language: its own words where it has them, English where it does not, region falls back to language', () => {
  addMessages('xx', { 'predict.legend': 'Xx-legend', 'share.copied': 'Xx {what}' });
  for (const lang of ['xx', 'XX', 'xx-YY']) {
    const t = messageFunction(lang);
    assert.equal(t('predict.legend'), 'Xx-legend');
    assert.equal(t('share.copied', { what: 'Link' }), 'Xx Link');
    assert.equal(t('predict.lock'), 'Lock in my prediction');
  }
  assert.equal(messageFunction('zz')('predict.legend'), 'Predict, then check');
});

// A number that reaches a placeholder as a number is written by the formatter (a widget that passed
// a raw count showed "holds 2100 points"); text passes through as given, so an identifier sent as
// a string (a token id) stays ungrouped.
test('numbers in a string message are formatted: grouped from 1 000, never a raw double', () => {
  addMessages('en', { 'test.placeholder': '{count} points, at most {max}; rate {rate}; id {id}' }, { keep: true });
  const t = messageFunction('en');
  assert.equal(t('test.placeholder', { count: 2100, max: 2000, rate: 0.1 + 0.2, id: '1234' }), '2\u202f100 points, at most 2\u202f000; rate 0.3; id 1234');
  assert.equal(t('test.placeholder', { count: 999, max: -1500, rate: 2.5e-7, id: 7 }), '999 points, at most -1\u202f500; rate 2.5 × 10⁻⁷; id 7');
});
