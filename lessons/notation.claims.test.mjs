// Claims of "Notation and glossary" about how the lessons write the error e_i. The page lists two
// signs: prediction minus label (the default) and, for the lessons its residual row links, label
// minus prediction. Every lesson that defines e_i (or e) must use the sign the page gives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const notation = fs.readFileSync(path.join(dir, 'notation.md'), 'utf8');
const rows = notation.split('\n').filter((l) => /^\| \$e(_i)?\$/.test(l));
const missRow = rows.find((r) => r.includes('\\hat y_i - y_i'));
const residualRow = rows.find((r) => r.includes('y_i - \\hat y_i'));
const linked = (row) => [...row.matchAll(/\]\(([a-z0-9-]+)\.html\)/g)].map((m) => m[1]);

// The sign of each definition "e_i = …" / "e = …" a lesson writes: 'miss' when it starts from the
// prediction (ŷ or w x), 'residual' when it starts from the label.
function definitions(slug) {
  const text = fs.readFileSync(path.join(dir, `${slug}.md`), 'utf8');
  const found = [];
  for (const m of text.matchAll(/(?<![A-Za-z\\])e(?:_i)?\s*(?:\\;)?=\s*(?:\\;)?\s*(\\hat y|w\s*x|y)/g)) {
    found.push(m[1] === 'y' ? 'residual' : 'miss');
  }
  return found;
}

test('the notation page lists both signs of the error, each with the lessons that use it', () => {
  assert.ok(missRow, 'a row for e, e_i as prediction minus label');
  assert.ok(residualRow, 'a row for e_i as label minus prediction');
  assert.deepEqual(linked(residualRow), ['regression-metrics', 'regression-models']);
  assert.deepEqual(linked(missRow), ['learning-loop', 'loss-functions', 'how-models-learn']);
});

test('every lesson that defines the error uses the sign the notation page gives it', () => {
  const slugs = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'notation.md').map((f) => f.slice(0, -3));
  const residualLessons = linked(residualRow);
  const defining = {};
  for (const slug of slugs) {
    const signs = definitions(slug);
    if (!signs.length) continue;
    defining[slug] = [...new Set(signs)];
    const expected = residualLessons.includes(slug) ? 'residual' : 'miss';
    assert.deepEqual(defining[slug], [expected], `${slug} writes ${signs.join(', ')}`);
  }
  // The check found the definitions it is meant to police.
  for (const slug of ['learning-loop', 'loss-functions', 'how-models-learn', 'regression-metrics', 'regression-models']) assert.ok(defining[slug], slug);
});
