// The glossary (scripts/glossary.mjs): every entry of the notation page has an id, and in every
// lesson the first use of each glossary term links to its entry — once, never inside a heading,
// a link, code or math.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readGlossary, linkGlossary, addGlossaryIds } from '../../scripts/glossary.mjs';
import { readCourse, renderLesson } from '../../scripts/lesson-render.mjs';

const course = readCourse(path.resolve(import.meta.dirname, '../../lessons'));
const notation = course.lessons.find((l) => l.slug === 'notation');
const entries = readGlossary(notation.body);

test('the glossary has its 31 entries, each with an id the notation page carries', () => {
  assert.equal(entries.length, 36);
  const html = renderLesson(notation, course);
  for (const e of entries) assert.ok(html.includes(`<p id="${e.id}"><strong>`), e.id);
  assert.ok(!html.includes('class="glossary-link"'), 'the notation page does not link to itself');
  assert.equal(entries.find((e) => e.id === 'glossary-empirical-risk').name, 'Empirical risk');
});

test('first use only, plural forms, longest term first, and nothing inside headings, links or code', () => {
  const html = '<h2>Loss and gradient descent</h2><p>A <a href="x.html">loss</a> is <code>loss</code>; the losses of gradient descent, then gradient descent and gradients.</p>';
  const out = linkGlossary(html, entries);
  assert.match(out, /^<h2>Loss and gradient descent<\/h2>/);
  assert.match(out, /<a href="x.html">loss<\/a> is <code>loss<\/code>; the <a class="glossary-link" href="notation.html#glossary-loss" title="Loss: [^"]+">losses<\/a> of <a class="glossary-link" href="notation.html#glossary-gradient-descent"[^>]*>gradient descent<\/a>, then gradient descent and <a class="glossary-link" href="notation.html#glossary-gradient"[^>]*>gradients<\/a>\.<\/p>$/);
});

test('"for example" is the everyday word; "self-supervised learning" is not "supervised learning"', () => {
  const out = linkGlossary('<p>For example, self-supervised learning needs no labels. Each example counts.</p>', entries);
  assert.match(out, /^<p>For example, <a [^>]*#glossary-supervised-unsupervised-reinforcement-and-self-supervised-learning"[^>]*>self-supervised learning<\/a>/);
  assert.match(out, /Each <a [^>]*#glossary-example"[^>]*>example<\/a> counts/);
  assert.equal((out.match(/glossary-link/g) || []).length, 3);
});

test('every lesson links the first use of the glossary terms it uses, each at most once', () => {
  let linkedLessons = 0;
  for (const lesson of course.lessons) {
    if (lesson.slug === 'notation') continue;
    const html = renderLesson(lesson, course);
    const ids = [...html.matchAll(/class="glossary-link" href="notation\.html#(glossary-[a-z-]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, `${lesson.slug}: a term linked twice`);
    for (const id of ids) assert.ok(entries.some((e) => e.id === id), `${lesson.slug}: unknown entry ${id}`);
    if (ids.length) linkedLessons += 1;
  }
  assert.ok(linkedLessons >= course.lessons.length - 3, `${linkedLessons} of ${course.lessons.length} lessons link the glossary`);
  assert.equal(addGlossaryIds('<p><strong>Batch.</strong> x</p>'), '<p id="glossary-batch"><strong>Batch.</strong> x</p>');
});
