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

test('the glossary has its 36 entries, each with an id the notation page carries', () => {
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

// Compound names whose glossary word is used in another sense: logistic regression is a
// classifier, a worked example or a textbook's example 6.6 is an illustration, a CNN's feature map
// is a layer's output, and the SVD lesson's diagonal gradient is a picture.
test('a glossary word inside a compound name with another sense is not linked', () => {
  const link = (id) => new RegExp(`<a class="glossary-link" href="notation\\.html#glossary-${id}"`);
  let out = linkGlossary('<p>A logistic regression is a classifier; Logistic Regression too.</p>', entries);
  assert.doesNotMatch(out, link('classification-and-regression'), out);
  out = linkGlossary('<p>Logistic regression first, then linear regression.</p>', entries);
  assert.match(out, /linear <a class="glossary-link" href="notation\.html#glossary-classification-and-regression"[^>]*>regression<\/a>/, out);
  out = linkGlossary('<p>A worked example; their example 6.6. Each example is a row.</p>', entries);
  assert.match(out, /^<p>A worked example; their example 6\.6\. Each <a [^>]*#glossary-example"[^>]*>example<\/a>/, out);
  out = linkGlossary('<p>Each feature map, then the features.</p>', entries);
  assert.match(out, /^<p>Each feature map, then the <a [^>]*#glossary-feature"[^>]*>features<\/a>/, out);
  out = linkGlossary('<p>The <strong>diagonal gradient</strong> picture; the gradient of the loss.</p>', entries);
  assert.match(out, /diagonal gradient<\/strong> picture; the <a [^>]*#glossary-gradient"[^>]*>gradient<\/a>/, out);
});

test('nothing is linked inside a References or Further reading paragraph', () => {
  const html = '<p><strong>References.</strong> A. Author, "ImageNet classification with a model", <em>Dataset Shift</em> (2009).</p>'
    + '<p><strong>Further reading.</strong> B. Author, <em>Inference and learning</em>.</p><p>Then classification, a model and inference.</p>';
  const out = linkGlossary(html, entries);
  const [refs, rest] = [out.slice(0, out.lastIndexOf('<p>Then')), out.slice(out.lastIndexOf('<p>Then'))];
  assert.doesNotMatch(refs, /glossary-link/, refs);
  assert.equal((rest.match(/glossary-link/g) || []).length, 3, rest);
});

test('entropy, cross-entropy and KL divergence link to their shared entry, first use only', () => {
  const id = 'glossary-entropy-cross-entropy-and-kl-divergence';
  const out = linkGlossary('<p>The log loss is a cross-entropy; its entropy and the KL divergence follow.</p>', entries);
  assert.match(out, new RegExp(`is a <a class="glossary-link" href="notation\\.html#${id}"[^>]*>cross-entropy</a>; its entropy and the KL divergence`), out);
  assert.match(linkGlossary('<p>The KL divergence.</p>', entries), new RegExp(`#${id}"[^>]*>KL divergence</a>`));
  assert.match(linkGlossary('<p>Its entropy.</p>', entries), new RegExp(`#${id}"[^>]*>entropy</a>`));
});

test('in the built lessons: entropy is linked where it is used, never "logistic regression" or a reference list', () => {
  const entropyId = 'glossary-entropy-cross-entropy-and-kl-divergence';
  for (const lesson of course.lessons) {
    if (lesson.slug === 'notation') continue;
    const html = renderLesson(lesson, course);
    assert.doesNotMatch(html, /logistic\s+<a class="glossary-link"[^>]*>regression/i, `${lesson.slug} links "regression" in "logistic regression"`);
    for (const m of html.matchAll(/<p[^>]*>\s*<strong>(?:References|Further reading)\.<\/strong>[\s\S]*?<\/p>/g)) {
      assert.doesNotMatch(m[0], /glossary-link/, `${lesson.slug} links inside its reference list`);
    }
    if (['decision-trees', 'loss-functions', 'likelihood-and-kl', 'spam-filter'].includes(lesson.slug)) {
      assert.equal((html.match(new RegExp(`class="glossary-link" href="notation\\.html#${entropyId}"`, 'g')) || []).length, 1, lesson.slug);
    }
  }
});
