// docs/embedding.md is generated from the widget schemas (npm run docs:embedding); this test
// fails when a widget's options changed and the docs were not regenerated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { widgetCatalogue, renderEmbeddingMarkdown } from '../../scripts/embed-docs.mjs';

test('docs/embedding.md matches the widget schemas', async () => {
  const expected = renderEmbeddingMarkdown(await widgetCatalogue());
  const actual = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/embedding.md'), 'utf8');
  assert.equal(actual, expected, 'run `npm run docs:embedding` and commit docs/embedding.md');
});

// Audit 10 B, item 7: section 2 said `activity=` works "as the activity attribute does", whose name is
// read against the host page; in the iframe it is read against embed.html (web/js/embed-frame.js,
// which cannot know the host page's address), the same id on every course page. The docs must say
// which id a name gives there: the one web/js/xapi.js builds from the iframe's own address.
test('docs/embedding.md gives the id an iframe\'s activity= name really reports, and a full IRI for telling pages apart', async () => {
  const { statementFor } = await import('../../web/js/xapi.js');
  const docs = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/embedding.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## 2. An iframe'), docs.indexOf('## 3. Share'));
  const example = /`(embed\.html\?[^`]*activity=([\w-]+))`/.exec(section);
  assert.ok(example, 'section 2 shows activity= in an address');
  const frameAddress = `https://your-host/data-workshop/${example[1]}`;
  const id = statementFor('dw:score', { widget: 'spot-the-job', score: 1, max: 6 }, frameAddress, example[2]).object.id;
  assert.equal(id, 'https://your-host/data-workshop/embed.html#week1-practice');
  assert.ok(section.includes(`reports\n\`${id}\` on every page`) || section.includes(`reports \`${id}\` on every page`), `section 2 names ${id} as the id on every page`);
  assert.doesNotMatch(section, /as the\s+`activity` attribute does/);
  assert.match(section, /activity=https:\/\/school\.example\/ml\/week1\/practice/, 'a full IRI is offered');
});
