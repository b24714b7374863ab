// The pure parts of the learning-platform support: xAPI statements (web/js/xapi.js), the lesson
// score and the suspend-data format of web/js/lms.js, the zip writer/reader and the manifests.
// The runtime itself is exercised in Chromium: tests/browser/scorm.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { statementFor } from '../../web/js/xapi.js';
import { attempted, encodeProgress, decodeProgress, lessonScore } from '../../web/js/lms.js';
import { writeZip, readZip, zipEntry, crc32 } from '../../scripts/zip.mjs';
import { scormManifest } from '../../scripts/scorm-manifest.mjs';
import { packagePage, buildPackages } from '../../scripts/build-scorm.mjs';

const PAGE = 'https://lms.example/pluginfile.php/12/mod_scorm/content/1/lessons/fit-the-line.html?x=1#top';

test('a finished game becomes a "completed" statement with a scaled score and no actor', () => {
  const s = statementFor('dw:complete', { widget: 'fit-line', title: 'Fit the line', score: 8, max: 10 }, PAGE);
  assert.deepEqual(s.verb, { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } });
  assert.equal(s.object.id, 'https://lms.example/pluginfile.php/12/mod_scorm/content/1/lessons/fit-the-line.html#fit-line');
  assert.equal(s.object.definition.name['en-US'], 'Fit the line');
  assert.equal(s.object.definition.type, 'http://adlnet.gov/expapi/activities/interaction');
  assert.deepEqual(s.result, { completion: true, score: { raw: 8, min: 0, max: 10, scaled: 0.8 }, success: false });
  assert.equal(s.actor, undefined);
});

test('a round that reaches a game\'s pass mark is a success: success follows passMark, full marks without one', () => {
  // The sorting games (web/lib/quiz.js) complete at 9 of 12 and say so in the detail.
  const passed = statementFor('dw:complete', { widget: 'which-learning', title: 'Which kind of learning?', score: 9, max: 12, passMark: 9 }, PAGE);
  assert.deepEqual(passed.result, { completion: true, score: { raw: 9, min: 0, max: 12, scaled: 0.75 }, success: true });
  assert.equal(statementFor('dw:complete', { widget: 'which-learning', score: 8, max: 12, passMark: 9 }, PAGE).result.success, false);
  // A mark that is no number, or above the maximum, falls back to (or stops at) full marks.
  assert.equal(statementFor('dw:complete', { widget: 'x', score: 9, max: 12, passMark: 'nine' }, PAGE).result.success, false);
  assert.equal(statementFor('dw:complete', { widget: 'x', score: 12, max: 12, passMark: 99 }, PAGE).result.success, true);
  assert.equal(statementFor('dw:score', { widget: 'which-learning', score: 9, max: 12, passMark: 9 }, PAGE).result.success, undefined, 'an attempt has no success');
});

test('a game that completes only when passed says so: the badge at 18 of 22 and Draw the boundary at 78 of 80 are successes', () => {
  assert.equal(statementFor('dw:complete', { widget: 'ml-badge', score: 18, max: 22, passed: true }, PAGE).result.success, true);
  assert.equal(statementFor('dw:complete', { widget: 'draw-boundary', score: 78, max: 80, passed: true }, PAGE).result.success, true);
  // Without the word a partial score is no success (full marks rule), and `passed` outranks a pass mark.
  assert.equal(statementFor('dw:complete', { widget: 'draw-boundary', score: 78, max: 80 }, PAGE).result.success, false);
  assert.equal(statementFor('dw:complete', { widget: 'x', score: 5, max: 12, passMark: 9, passed: true }, PAGE).result.success, true);
  assert.equal(statementFor('dw:complete', { widget: 'x', score: 12, max: 12, passed: false }, PAGE).result.success, false);
  assert.equal(statementFor('dw:complete', { widget: 'x', score: 12, max: 12, passed: 'yes' }, PAGE).result.success, true, 'only a boolean counts');
});

test('an attempt is "scored"; a check-yourself answer is "answered", an assessment; no score, no score object', () => {
  assert.equal(statementFor('dw:score', { widget: 'fit-line', score: 3, max: 10 }, PAGE).verb.id, 'http://adlnet.gov/expapi/verbs/scored');
  const answered = statementFor('dw:score', { widget: 'check-yourself', title: 'Check yourself', score: 1, max: 3 }, PAGE);
  assert.equal(answered.verb.id, 'http://adlnet.gov/expapi/verbs/answered');
  assert.equal(answered.object.definition.type, 'http://adlnet.gov/expapi/activities/assessment');
  assert.deepEqual(answered.result, { completion: false, score: { raw: 1, min: 0, max: 3, scaled: 0.3333 } });
  assert.deepEqual(statementFor('dw:complete', { widget: 'house-table' }, PAGE).result, { completion: true });
  // A score above its maximum is clamped: xAPI requires min ≤ raw ≤ max and scaled ≤ 1.
  assert.deepEqual(statementFor('dw:complete', { widget: 'x', score: 12, max: 10 }, PAGE).result.score, { raw: 10, min: 0, max: 10, scaled: 1 });
});

// An embedder tells instances apart (web/js/xapi.js): the instance's fragment, a name of their
// own, or a whole IRI; without one the id is the page and #widget-name, as before.
test('the object id: the page and #widget, an instance\'s #widget-2, or the embedder\'s activity name or IRI', () => {
  const id = (activity) => statementFor('dw:score', { widget: 'spot-the-job', score: 1, max: 2 }, PAGE, activity).object.id;
  const page = 'https://lms.example/pluginfile.php/12/mod_scorm/content/1/lessons/fit-the-line.html';
  assert.equal(id(), `${page}#spot-the-job`);
  assert.equal(id(''), `${page}#spot-the-job`);
  assert.equal(id('spot-the-job-2'), `${page}#spot-the-job-2`);
  assert.equal(id('week 1 / practice'), `${page}#week%201%20%2F%20practice`);
  assert.equal(id(' https://school.example/ml/week1?x=1#a '), 'https://school.example/ml/week1?x=1#a');
  assert.equal(id('urn:school:ml:week5'), 'urn:school:ml:week5');
});

test('the lesson score is the mean of best/max over the page activities; unplayed ones count 0', () => {
  const state = { complete: false, activities: { a: { best: 1, max: 1, complete: true }, b: { best: 40, max: 100 }, other: { best: 5, max: 5 } } };
  assert.equal(lessonScore(state, ['a', 'b']), 0.7);
  assert.equal(lessonScore(state, ['a', 'b', 'c']), (1 + 0.4) / 3);
  assert.equal(lessonScore({ activities: { a: { complete: true } } }, ['a']), 1, 'a finished game without a score counts in full');
  assert.equal(lessonScore(state, []), null);
});

test('suspend data round-trips and always fits SCORM 1.2\'s 4096 characters', () => {
  const state = { complete: true, activities: { 'check-yourself': { title: 'Check yourself', best: 2, max: 3, score: 2, complete: true } } };
  const back = decodeProgress(encodeProgress(state));
  assert.deepEqual(back, { complete: true, activities: { 'check-yourself': { best: 2, score: 2, max: 3, complete: true, title: 'Check yourself' } } });
  // Many long-titled activities: titles go first, then activities not on the page.
  const many = { complete: false, activities: {} };
  for (let i = 0; i < 60; i++) many.activities[`game-number-${i}-with-a-long-name`] = { title: 'T'.repeat(80), best: i, max: 100, complete: i % 2 === 0 };
  const text = encodeProgress(many, 4096, ['game-number-1-with-a-long-name']);
  assert.ok(text.length <= 4096);
  assert.deepEqual(decodeProgress(text).activities['game-number-1-with-a-long-name'], { best: 1, score: 1, max: 100, complete: false, title: undefined });
  assert.equal(decodeProgress('not json'), null);
  assert.equal(decodeProgress(''), null);
});

test('suspend data keeps a record that only says an answer was seen first (done 2): no score, not complete, and it scores nothing', () => {
  const state = { complete: false, activities: { 'widen-the-street': { title: 'Widen the street', complete: false, seenFirst: true }, 'predict:x': { title: 'Predict x', best: 1, max: 1, score: 1, complete: true } } };
  const text = encodeProgress(state);
  assert.deepEqual(JSON.parse(text).a['widen-the-street'], [null, null, 2, 'Widen the street']);
  const back = decodeProgress(text);
  assert.deepEqual(back.activities['widen-the-street'], { best: undefined, score: undefined, max: undefined, complete: false, title: 'Widen the street', seenFirst: true });
  assert.equal(back.activities['predict:x'].seenFirst, undefined);
  assert.equal(back.activities['predict:x'].complete, true);
  assert.equal(lessonScore(back, ['widen-the-street']), 0);
  assert.equal(attempted(back, ['widen-the-street']), false, 'no score is sent for a mark alone');
  assert.equal(attempted(back, ['widen-the-street', 'predict:x']), true);
  assert.equal(attempted({ activities: { g: { best: 0, max: 100, complete: false } } }, ['g']), true, 'a score of 0 is an attempt');
  // A 2 beside a score is not a mark: the score stands.
  assert.equal(decodeProgress(JSON.stringify({ c: 0, a: { g: [40, 100, 2] } })).activities.g.seenFirst, undefined);
});

test('the zip writer produces archives the reader (and CRC-32) agree on', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926); // the CRC-32 check value
  const big = 'Data Workshop '.repeat(1000);
  const files = readZip(writeZip([zipEntry('imsmanifest.xml', '<manifest/>'), zipEntry('lessons/a.html', big), zipEntry('bin', Buffer.from([0, 255]))]));
  assert.deepEqual([...files.keys()], ['imsmanifest.xml', 'lessons/a.html', 'bin']);
  assert.equal(files.get('lessons/a.html').toString(), big);
  assert.deepEqual([...files.get('bin')], [0, 255]);
});

test('manifests: SCORM 1.2 and 2004 spellings, one SCO per lesson grouped by level', () => {
  const levels = [{ id: 'one', title: 'Level 1' }, { id: 'two', title: 'Level 2' }];
  const items = [{ slug: 'a', title: 'A & B', level: 'one' }, { slug: 'b', title: 'B', level: 'two' }];
  const m12 = scormManifest({ version: '1.2', identifier: 'course', title: 'Course', items, shared: ['js/lms.js'], levels });
  assert.match(m12, /<schemaversion>1\.2<\/schemaversion>/);
  assert.match(m12, /adlcp:scormtype="sco" href="lessons\/a\.html"/);
  assert.match(m12, /<title>A &amp; B<\/title>/);
  assert.match(m12, /<item identifier="level-two"><title>Level 2<\/title>\n\s*<item identifier="item-b" identifierref="sco-b">/);
  assert.doesNotMatch(m12, /imsss/);
  const m2004 = scormManifest({ version: '2004', identifier: 'lesson-a', title: 'A', items: [items[0]], shared: ['js/lms.js'], levels });
  assert.match(m2004, /<schemaversion>2004 4th Edition<\/schemaversion>/);
  assert.match(m2004, /adlcp:scormType="sco"/);
  assert.doesNotMatch(m2004, /level-one/, 'a single lesson is a single item');
});

test('a packaged page loses the site navigation and links to other lessons, and says where results go', () => {
  const html = `<html lang="en"><head></head><body><header><a class="brand" href="../index.html">Data <span>Workshop</span></a>
<nav class="site-nav" aria-label="Site"><a href="../index.html#course">Course</a></nav></header>
<div class="course-progress" data-lessons="a b"></div>
<p>See <a href="kinds-of-learning.html">Kinds of learning</a> and <a href="https://example.org/x.html">this</a>.</p>
<nav class="lesson-nav" aria-label="Lesson order"><a href="b.html" rel="next">B →</a></nav>
<footer class="site-footer">nothing you do here leaves your machine.</footer></body></html>`;
  const out = packagePage(html, '2004');
  assert.match(out, /<html lang="en" data-scorm="2004">/);
  assert.match(out, /<span class="brand">Data <span>Workshop<\/span><\/span>/);
  assert.doesNotMatch(out, /site-nav|lesson-nav|course-progress|leaves your machine/);
  assert.match(out, /See <span class="lesson-ref">Kinds of learning<\/span>/);
  assert.match(out, /<a href="https:\/\/example.org\/x.html">this<\/a>/, 'links out of the course stay');
  assert.match(out, /Opened from a learning platform, this lesson tells it whether you completed it, your score and your saved progress/);
});

// The audit's case: glossary links (class and title before and after href) were kept, so a term in a
// one-lesson package led to a missing notation.html, and in the course package moved the SCO away.
test('a packaged page keeps a glossary term as text with its definition, not a link to the notation page', () => {
  const html = '<p>A <a class="glossary-link" href="notation.html#glossary-model" title="Model: a family of functions.">model</a>, '
    + '<a href="notation.html#glossary-loss">the loss</a> and <a href="../lessons/knn.html" rel="next">k-NN</a>; <a href="#main">top</a>.</p>';
  assert.equal(packagePage(html, '1.2'), '<p>A <span class="lesson-ref glossary-term" title="Model: a family of functions.">model</span>, '
    + '<span class="lesson-ref">the loss</span> and <span class="lesson-ref">k-NN</span>; <a href="#main">top</a>.</p>');
});

// The audit's case: `--lessons two-jobs,fit-the-line` packages linked css/katex-<hash>.css sheets
// named by the whole site's numbering of KaTeX's styles, which dist/ has but the subset's pages
// (numbered afresh) do not use: a 404, and R² drawn as R. Built from dist/ (npm test builds it).
test('a package of some lessons holds every file its pages link, and a rule for each typeset-math class they use', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dw-scorm-subset-'));
  try {
    const written = buildPackages({ out, lessons: ['two-jobs', 'fit-the-line'], course: false });
    assert.equal(written.length, 4, 'two lessons in SCORM 1.2 and 2004');
    for (const zip of written) {
      const files = readZip(fs.readFileSync(zip));
      const page = [...files.keys()].find((f) => f.startsWith('lessons/'));
      const html = files.get(page).toString('utf8');
      const linked = [...html.matchAll(/<(?:link|script)\s[^>]*?(?:href|src)="([^"#?:]+)"/g)].map((m) => new URL(m[1], `https://lms.example/${page}`).pathname.slice(1));
      const sheets = linked.filter((f) => /^css\/katex-[0-9a-f]+\.css$/.test(f));
      assert.equal(sheets.length, 1, `${page} links its math stylesheet`);
      for (const file of linked) assert.ok(files.has(file), `${path.basename(zip)}: ${page} links ${file}, which is in the zip`);
      const rules = new Set([...files.get(sheets[0]).toString('utf8').matchAll(/^\.(ks\d+)\{/gm)].map((m) => m[1]));
      const used = new Set([...html.matchAll(/\bks\d+\b/g)].map((m) => m[0]));
      assert.ok(used.size > 0, `${page} has typeset math`);
      for (const cls of used) assert.ok(rules.has(cls), `${page}: .${cls} has a rule in ${sheets[0]}`);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
