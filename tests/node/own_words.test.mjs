// Every lesson is written in our own words: at most MAX_SHARED_RUNS runs of 8 words shared with
// the course's source texts (scripts/own-words.mjs), and the only runs excused are formulas. The
// front matter a learner reads counts, and the widgets' message tables and the badge's questions
// share no run at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  sharedRuns, sharedRunsOfText, lessonSlugs, exclusions, lessonMathWords, words, MAX_SHARED_RUNS, RUN_LENGTH,
  messageTableFiles, sharedRunsOfTable, stringLiterals, shortSharedRunsOfPieces, allTexts,
} from '../../scripts/own-words.mjs';

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

test('the front matter a learner reads (title, summary, outcomes) is checked, the rest is not', () => {
  // One sentence of the source texts, 10 words long: three 8-word runs.
  const sentence = 'Plot training and validation error as the training set grows.';
  const runs = ['plot training and validation error as the training', 'training and validation error as the training set', 'and validation error as the training set grows'];
  for (const field of ['title', 'summary', 'outcomes']) {
    assert.deepEqual(sharedRunsOfText(`---\n${field}: "${sentence}"\nlevel: expert\n---\nOur own text.`), runs, field);
  }
  assert.deepEqual(sharedRunsOfText(`---\nassumes: ${sentence}\n---\nOur own text.`), [], 'assumes is not shown as a sentence of ours');
  // A run never joins the end of one field to the start of the next.
  assert.deepEqual(sharedRunsOfText('---\nsummary: Plot training and validation\noutcomes: error as the training set grows\n---\nx'), []);
});

test('the checker reads every string of a message table, and only the strings', () => {
  const files = messageTableFiles();
  for (const f of ['web/widgets/kmeans-by-hand.messages.js', 'web/widgets/loss-surface/messages.js', 'web/widgets/ml-badge/messages.js', 'web/widgets/ml-badge/questions-evaluation.js', 'web/lib/messages-en.js']) {
    assert.ok(files.includes(f), f);
  }
  const source = "// a comment's words\n/* block 'x' */ export const m = { 'k.a': 'one two', f: ({ a }) => `x ${a ? 'yes' : \"no\"} y`, r: s.replace(/[']/g, ''), e: 'it\\'s' };";
  assert.deepEqual(stringLiterals(source), ['k.a', 'one two', 'x ', 'yes', 'no', ' y', "it's"]);
});

test('no message table or badge question bank shares an 8-word run with the source texts', () => {
  const found = messageTableFiles().map((file) => ({ file, runs: sharedRunsOfTable(file) })).filter((r) => r.runs.length);
  assert.deepEqual(found, [], found.map((r) => `${r.file}: "${r.runs.join('", "')}"`).join('\n'));
});

test('shorter shared runs (6 or 7 words, three of them not stop words) are listed for a person to read', () => {
  assert.deepEqual(shortSharedRunsOfPieces(['Then click anywhere to drop the ball there.']), ['click anywhere to drop the ball there']);
  assert.deepEqual(shortSharedRunsOfPieces(['Then click anywhere to put the ball down.']), []);
  // Runs of small words alone, and stretches inside an 8-word run (already counted), are not listed.
  assert.deepEqual(shortSharedRunsOfPieces(['and it is one of the']), []);
  assert.deepEqual(shortSharedRunsOfPieces(['Plot training and validation error as the training set grows.']), []);
});

test('the widget instructions rewritten from the sources share no 6- or 7-word run with them', () => {
  // These passages once followed the sources' game instructions phrase by phrase (audit 7).
  const texts = allTexts().filter((t) => ['knn', 'model-selection', 'decision-trees', 'svm', 'bias-variance', 'draw-the-boundary',
    'web/widgets/empirical-risk.messages.js', 'web/widgets/ml-badge/questions-learning-and-data.js'].includes(t.name));
  assert.equal(texts.length, 8);
  const found = texts.map((t) => ({ name: t.name, short: shortSharedRunsOfPieces(t.pieces) })).filter((t) => t.short.length);
  assert.deepEqual(found, [], found.map((t) => `${t.name}: "${t.short[0]}"`).join('\n'));
});
