// Every lesson is written in our own words: at most MAX_SHARED_RUNS runs of 8 words shared with
// the course's source texts (scripts/own-words.mjs), and the only runs excused are formulas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedRuns, sharedRunsOfText, lessonSlugs, exclusions, lessonMathWords, words, MAX_SHARED_RUNS, RUN_LENGTH } from '../../scripts/own-words.mjs';

test('no lesson shares more than a few 8-word runs with the source texts', () => {
  const over = lessonSlugs().map((slug) => ({ slug, runs: sharedRuns(slug) })).filter((r) => r.runs.length > MAX_SHARED_RUNS);
  assert.deepEqual(over, [], over.map((r) => `${r.slug}: ${r.runs.length} shared runs, e.g. "${r.runs[0]}"`).join('\n'));
});

test('only formulas are excluded from the count', () => {
  for (const [slug, runs] of Object.entries(exclusions())) {
    assert.ok(lessonSlugs().includes(slug), `exclusions name a lesson that does not exist: ${slug}`);
    const math = lessonMathWords(slug);
    for (const run of runs) {
      const w = words(run).join(' ');
      assert.equal(words(run).length, RUN_LENGTH, `${slug}: an exclusion must be one ${RUN_LENGTH}-word run: "${run}"`);
      assert.ok(math.some((m) => m.includes(w)), `${slug}: excluded run "${run}" is not inside a formula`);
    }
  }
});

test('the checker finds a copied run through Markdown and line breaks, and passes a paraphrase', () => {
  // One 8-word run of the source texts (a fact about the checker, not lesson text).
  const copied = '---\ntitle: x\n---\nA *rule of thumb*: if you\ncan write the exact rule, write it.';
  const runs = ['rule of thumb if you can write the', 'of thumb if you can write the exact', 'thumb if you can write the exact rule'];
  assert.deepEqual(sharedRunsOfText(copied), runs);
  assert.deepEqual(sharedRunsOfText(copied, [runs[0]]), runs.slice(1));
  assert.deepEqual(sharedRunsOfText('When the exact rule can be written down, code it by hand.'), []);
  assert.deepEqual(sharedRunsOfText('::: widget rule of thumb if you can write the exact rule'), [], 'directives are not prose');
});
