// A widget's messages get exactly the parameters they name: every literal call
// t('<widget>.key', { … }) supplies each {placeholder} of a string message (or each parameter a
// function message destructures) and nothing else, so no learner ever reads "{gap}" and no
// number computed for a message is silently dropped. Read from the widget's source, like
// widget_messages.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { checkYourselfMessagesFile, checkYourselfSources } from './check-yourself-sources.mjs';

const widgetsDir = path.resolve(import.meta.dirname, '../../web/widgets');
const registry = fs.readFileSync(path.join(widgetsDir, 'registry.js'), 'utf8');
const names = [...registry.matchAll(/^\s+'([a-z0-9-]+)': \(\) => import\('\.\/([\w-]+)\.js'\)/gm)].map((m) => m[1]);

function sourcesOf(name) {
  const files = [path.join(widgetsDir, `${name}.js`)];
  const dir = path.join(widgetsDir, name);
  if (fs.existsSync(dir)) files.push(...fs.readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'messages.js').map((f) => path.join(dir, f)));
  return files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}
function tableFileOf(name) {
  return [path.join(widgetsDir, `${name}.messages.js`), path.join(widgetsDir, name, 'messages.js')].find((f) => fs.existsSync(f));
}

// The property names of the object literal that opens at code[start] ('{'): top-level commas
// split it, strings and brackets nest; `name: value` and the shorthand `name` both count.
function propertyNames(code, start) {
  const parts = [];
  let part = '';
  let depth = 0;
  let quote = null;
  for (let i = start; i < code.length; i++) {
    const ch = code[i];
    if (quote) {
      part += ch;
      if (ch === '\\') part += code[++i];
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '\'' || ch === '"' || ch === '`') { quote = ch; part += ch; continue; }
    if ('({['.includes(ch) && ++depth === 1) continue;
    if (')}]'.includes(ch) && --depth === 0) { parts.push(part); break; }
    if (ch === ',' && depth === 1) { parts.push(part); part = ''; continue; }
    part += ch;
  }
  return parts.map((p) => p.trim()).filter(Boolean).map((p) => (p.match(/^([A-Za-z_$][\w$]*)\s*(?::|$)/) || [, `(not a plain property: ${p})`])[1]);
}

// What a message needs: {name} placeholders of a string, the destructured names of a function.
function wanted(message) {
  if (typeof message === 'function') {
    const head = message.toString().match(/^\(\{([^}]*)\}\)/);
    return head ? head[1].split(',').map((s) => s.trim()).filter(Boolean) : null; // null: not checkable
  }
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
}

test('the property reader finds plain, shorthand and nested properties', () => {
  const code = "t('x.y', { a: f(1, 2), b, c: `${d}, e`, g: { h: 1 } })";
  assert.deepEqual(propertyNames(code, code.indexOf('{')), ['a', 'b', 'c', 'g']);
});

// Every widget with its own table, and the check-yourself block (no widget, its words kept the same way).
const tables = [
  ...names.filter((name) => tableFileOf(name)).map((name) => ({ name, file: tableFileOf(name), code: () => sourcesOf(name) })),
  { name: 'check-yourself', file: checkYourselfMessagesFile, code: checkYourselfSources },
];

for (const { name, file, code: readCode } of tables) {
  test(`${name}: each message gets exactly the parameters it names`, async () => {
    const { messages } = await import(file);
    const code = readCode();
    const problems = [];
    for (const m of code.matchAll(/\bt\('([\w.-]+)'(,\s*\{)?/g)) {
      const key = m[1];
      if (!(key in messages)) continue; // widget_messages.test.mjs reports unknown keys
      const need = wanted(messages[key]);
      if (!need) continue;
      const given = m[2] ? propertyNames(code, m.index + m[0].length - 1) : [];
      for (const n of need) if (!given.includes(n)) problems.push(`${key}: {${n}} is not given`);
      for (const g of given) if (!need.includes(g)) problems.push(`${key}: ${g} is given but not used`);
    }
    assert.deepEqual(problems, []);
  });
}
