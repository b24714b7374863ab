// Each widget's own words (web/widgets/<name>.messages.js, or <name>/messages.js in a widget's
// folder): keys are the widget's name plus a dot, every key the widget's code asks for exists,
// every word in the table is used, the card's title and hint come from it, and a converted widget
// has no learner-visible text left inline in the places text usually sits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { addMessages, messageFunction } from '../../web/lib/messages.js';
import { checkYourselfMessagesFile, checkYourselfSources } from './check-yourself-sources.mjs';

const widgetsDir = path.resolve(import.meta.dirname, '../../web/widgets');
const registry = fs.readFileSync(path.join(widgetsDir, 'registry.js'), 'utf8');
const names = [...registry.matchAll(/^\s+'([a-z0-9-]+)': \(\) => import\('\.\/([\w-]+)\.js'\)/gm)].map((m) => m[1]);

// The widget's sources: its module and, when it has one, the folder of the same name.
function sourcesOf(name) {
  const files = [path.join(widgetsDir, `${name}.js`)];
  const dir = path.join(widgetsDir, name);
  if (fs.existsSync(dir)) files.push(...fs.readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'messages.js').map((f) => path.join(dir, f)));
  return files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}
function tableFileOf(name) {
  return [path.join(widgetsDir, `${name}.messages.js`), path.join(widgetsDir, name, 'messages.js')].find((f) => fs.existsSync(f));
}

const converted = [];
for (const name of names) {
  const file = tableFileOf(name);
  if (file) converted.push({ name, messages: (await import(file)).messages, code: sourcesOf(name) });
}

test('the registry lists the widgets and some have their own message tables', () => {
  assert.ok(names.length >= 80, `${names.length} widgets`);
  assert.ok(converted.length >= 1);
});

for (const { name, messages, code } of converted) {
  test(`${name}: its table is complete, used, and its text is not inline`, () => {
    const keys = Object.keys(messages);
    assert.deepEqual(keys.filter((k) => !k.startsWith(`${name}.`)), [], 'every key starts with the widget name');
    assert.ok(`${name}.title` in messages && `${name}.hint` in messages, 'the card title and hint are in the table');
    assert.match(code, /mountWidget\([^)]*\bmessages\b/, 'the table is handed to mountWidget');
    // Keys asked for literally, and keys built from a literal stem (t(`name.stem.${…}`)).
    const asked = [...code.matchAll(/\bt\('([\w.-]+)'/g)].map((m) => m[1]);
    const stems = [...code.matchAll(/\bt\(`([\w.-]+\.)\$\{/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(asked)].filter((k) => k.startsWith(`${name}.`) && !(k in messages)), [], 'keys the code asks for exist');
    const used = (k) => asked.includes(k) || stems.some((s) => k.startsWith(s)) || k === `${name}.title` || k === `${name}.hint`;
    assert.deepEqual(keys.filter((k) => !used(k)), [], 'every message is used');
    // Text a learner reads, still written inline: a quoted phrase (two words or more) as a stat
    // name, a message, a label, an aria-label or a button's text.
    const inline = [...code.matchAll(/(?:card\.stat|setMessage|button|setAttribute\('aria-label',|label:|text:)\s*\(?\s*(['`])[A-Za-z][^'`]*\s[^'`]*\1/g)].map((m) => m[0]);
    assert.deepEqual(inline, [], 'no learner-visible phrase left inline');
    addMessages('en', messages, { keep: true });
    const t = messageFunction('en');
    for (const k of keys) assert.equal(typeof t(k, {}), 'string', k);
  });
}

// What a learner reads follows the site's formatter (web/lib/format.js): "83.4%" with no space,
// typographic quotes “…” in running text. Message tables and lesson pages are written by hand,
// so they are checked here; a sample of each form the check catches proves it can fail.
const percentWithSpace = /(\d|\})[ \u00a0\u202f]%(?![\w=(])/;
const straightQuoted = /(^|[\s(])"[A-Za-z$][^"]*"(?=[\s.,;:)?!]|$)/;
test('percentages are written 50% and quotes “…” in every message table and lesson', () => {
  assert.ok(percentWithSpace.test('beats 50 % by luck') && percentWithSpace.test('`${share} %`') && !percentWithSpace.test('(i + 1) % n'));
  assert.ok(straightQuoted.test('press "Make it collapse" now') && !straightQuoted.test('class="x"'));
  const lessonsDir = path.resolve(import.meta.dirname, '../../lessons');
  const texts = [
    ...converted.map(({ name, messages }) => [name, Object.values(messages).map((v) => (typeof v === 'string' ? v : v.toString())).join('\n')]),
    ...fs.readdirSync(lessonsDir).filter((f) => f.endsWith('.md')).map((f) => [f, fs.readFileSync(path.join(lessonsDir, f), 'utf8')]),
  ];
  const spaced = texts.filter(([, text]) => percentWithSpace.test(text)).map(([n, text]) => `${n}: …${text.match(new RegExp(`.{0,30}${percentWithSpace.source}`))[0]}`);
  assert.deepEqual(spaced, [], 'a space before %');
  const quoted = converted.filter(({ messages }) => Object.values(messages).some((v) => typeof v === 'string' && straightQuoted.test(v))).map(({ name }) => name);
  assert.deepEqual(quoted, [], 'straight double quotes in a message');
});

// The check-yourself block is no widget, but keeps its words the same way, in
// web/js/check-yourself.messages.js: the page's runtime (web/js/check-yourself.js), the reader of
// typed answers (web/js/check-computations.js) and the block the build writes (renderCheckYourself
// in scripts/lesson-render.mjs). A learner-facing phrase written inline in any of them fails here:
// a quoted text (a template's ${…} and HTML tags set aside) with two words in a row. Comments, and
// the errors a lesson's author meets (throw …Error, fail(…)), are not the learner's.
function inlinePhrases(code) {
  const lines = code.split('\n').filter((l) => !/^\s*(\/\/|\*)/.test(l) && !/throw new \w*Error\(|\bfail\(/.test(l));
  const found = [];
  for (const line of lines.map((l) => l.replace(/\s\/\/ .*$/, ''))) {
    for (const m of line.matchAll(/(['"`])((?:\\.|(?!\1).)*)\1/g)) {
      const text = m[2].replace(/\$\{[^}]*\}/g, ' ').replace(/<[^>]*(>|$)/g, ' ');
      if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(text)) found.push(m[0]);
    }
  }
  return found;
}

test('check-yourself: its table is complete, used, and none of its words are inline', async () => {
  const { messages } = await import(checkYourselfMessagesFile);
  const code = checkYourselfSources();
  const keys = Object.keys(messages);
  assert.deepEqual(keys.filter((k) => !k.startsWith('check-yourself.')), [], 'every key starts with check-yourself.');
  const asked = [...code.matchAll(/\bt\('([\w.-]+)'/g)].map((m) => m[1]);
  const stems = [...code.matchAll(/\bt\(`([\w.-]+\.)\$\{/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(asked)].filter((k) => !(k in messages)), [], 'keys the code asks for exist');
  assert.deepEqual(keys.filter((k) => !asked.includes(k) && !stems.some((s) => k.startsWith(s))), [], 'every message is used');
  // The check can fail: phrases as they were written inline before the table.
  assert.deepEqual(inlinePhrases("setFeedback(form, false, 'Pick an answer first.', '');\nout.textContent = `Right: ${formatShort(a, 4)}.`;\n"
    + "scoreLine.textContent = `${right} of ${total} right at the first try`;\nthrow new RangeError(`argument \"${p}\" must be numbers`);\n"
    + "const check = '<button type=\"submit\" class=\"dw-btn\">Check</button>';"), ["'Pick an answer first.'", '`${right} of ${total} right at the first try`']);
  assert.deepEqual(inlinePhrases(code), [], 'no learner-facing phrase left inline');
  addMessages('en', messages, { keep: true });
  const t = messageFunction('en');
  for (const k of keys) assert.equal(typeof t(k, {}), 'string', k);
});
