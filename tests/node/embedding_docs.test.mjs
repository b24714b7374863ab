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
