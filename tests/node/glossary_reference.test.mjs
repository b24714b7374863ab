// The glossary and the maths primer as a reference, seen from the lessons: a glossary link sits
// only on a word used in the entry's own sense, the lesson built around a term links that term's
// entry, and a lesson that uses the primer's ∂, chain rule or ln links back to its section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readGlossary, linkGlossary } from '../../scripts/glossary.mjs';
import { readCourse, renderLesson } from '../../scripts/lesson-render.mjs';
import { plainText } from '../../scripts/plain-text.mjs';

const course = readCourse(path.resolve(import.meta.dirname, '../../lessons'));
const lesson = (slug) => course.lessons.find((l) => l.slug === slug);
const html = (slug) => renderLesson(lesson(slug), course);
const entries = readGlossary(lesson('notation').body);
// The text of a lesson with each glossary link written [[id:word]], and no other tags.
const marked = (slug) => html(slug)
  .replace(/<a class="glossary-link" href="notation\.html#glossary-([a-z-]+)"[^>]*>([^<]*)<\/a>/g, '[[$1:$2]]')
  .replace(/<[^>]+>/g, '');

// The course's word is "hyperparameter", as the glossary entry spells it; "hyper-parameter" never
// found the entry, so the lesson built around the term did not link it, and the only
// "parameter" link it had sat on what were hyperparameter importances.
test('hyperparameter is spelt one way, and the search lesson links the Hyperparameter entry, never "parameter" for its knobs', () => {
  for (const l of course.lessons) {
    const text = l.body.replace(/"Random search for hyper-parameter optimization"/g, '');
    assert.doesNotMatch(`${l.title}\n${l.summary ?? ''}\n${l.outcomes ?? ''}\n${text}`, /hyper-param/i, `${l.slug} spells "hyper-parameter"`);
  }
  assert.match(lesson('hyperparameter-search').title, /hyperparameters/);
  const text = marked('hyperparameter-search');
  assert.match(text, /\[\[hyperparameter:hyperparameters\]\]/);
  assert.doesNotMatch(text, /\[\[parameter:/);
  assert.match(text, /Optuna can also report hyperparameter importances/);
});

// "example", "label" and "batch" link to a row of data, its answer and a gradient step's group:
// not to a worked example, a widget's sample text, a caption on a dartboard or a day's data.
test('no glossary link sits on a word used in another sense', () => {
  const wrong = {
    'maths-primer': /works one \[\[example:/,
    'likelihood-and-kl': /three points of the \[\[example:/,
    svd: /In the \[\[example:/,
    'tsne-vs-pca': /three-point \[\[example:/,
    sentiment: /click the \[\[example:/,
    'text-to-numbers': /\[\[example:example\]\] text/,
    'bias-variance': /\[\[label:label\]\] on the line/,
    'model-lifecycle': /\[\[batch:batch(?:es)?\]\] (?:of \d+ new|job|scoring)|(?:today's|daily|new|whole) \[\[batch:/i,
    'classification-metrics': /sorter that \[\[label:labels\]\]/,
    'train-vs-test': /which \[\[label:labels\]\]/,
    sentiment: /it \[\[label:labels\]\]/,
  };
  for (const [slug, pattern] of Object.entries(wrong)) assert.doesNotMatch(marked(slug), pattern, slug);
  // The primer's first linked example is a row of data: "the errors on every example".
  assert.match(marked('maths-primer'), /the errors on every \[\[example:example\]\]/);
  // Sample texts and batch jobs are compound names the linker knows.
  assert.doesNotMatch(linkGlossary('<p>Back to the example text, then each example.</p>', entries), /glossary-example"[^>]*>example<\/a> text/);
  assert.doesNotMatch(linkGlossary('<p><strong>Batch scoring</strong> and a batch job.</p>', entries), /glossary-batch/);
  assert.match(linkGlossary('<p>Each batch holds 32 examples.</p>', entries), /glossary-batch"[^>]*>batch<\/a>/);
  // "Label" as a verb (to give a class) is not linked; the first noun use takes the link.
  assert.match(linkGlossary('<p>A sorter that labels each picture, then checks its labels.</p>', entries), /that labels each picture, then checks its <a class="glossary-link"[^>]*glossary-label"[^>]*>labels<\/a>/);
  assert.doesNotMatch(linkGlossary('<p>A tree, which labels the plane; nobody had to label anything.</p>', entries), /glossary-label/);
  assert.match(linkGlossary('<p>We know that labels are noisy.</p>', entries), /glossary-label"[^>]*>labels<\/a> are/);
  assert.match(marked('classification-metrics'), /sorter that labels each/);
});

// The primer promises that lessons needing a tool link back to its section.
test('every lesson that uses ∂ or the chain rule links the primer\'s section, and every lesson with ln or log links e and ln', () => {
  const missing = [];
  const missingLn = [];
  for (const l of course.lessons) {
    if (['notation', 'maths-primer'].includes(l.slug)) continue;
    if (/\\partial|chain rule/i.test(l.body) && !/maths-primer\.html#(?:slopes-and-partial-derivatives|the-chain-rule)/.test(l.body)) missing.push(l.slug);
    // \log_2 has a base of its own; \ln and a bare \log are the natural logarithm.
    if (/\\(?:ln|log)(?![A-Za-z_])/.test(l.body) && !/maths-primer\.html#e-and-ln/.test(l.body)) missingLn.push(l.slug);
  }
  assert.deepEqual(missing, []);
  assert.deepEqual(missingLn, []);
  for (const slug of ['learning-loop', 'gradient-descent', 'fit-the-line', 'neural-network-playground', 'activation-functions', 'recurrent-networks', 'fine-tuning', 'loss-functions']) {
    assert.match(html(slug), /href="maths-primer\.html#(?:slopes-and-partial-derivatives|the-chain-rule)"/, slug);
  }
  assert.match(html('likelihood-and-kl'), /href="maths-primer\.html#e-and-ln"/);
  const primer = html('maths-primer');
  for (const id of ['slopes-and-partial-derivatives', 'the-chain-rule', 'e-and-ln']) assert.match(primer, new RegExp(`<h2[^>]* id="${id}"`), id);
});

// The Gradient descent pop-up: ∇_θ L is the gradient of L, never "∇θ L" (∇ times θ times L).
test('a gradient\'s subscript with no small form is dropped in plain text, one with a small form stays small', () => {
  assert.equal(plainText('$\\theta \\leftarrow \\theta - \\eta \\nabla_\\theta L$'), 'θ ← θ − η ∇L');
  assert.equal(plainText('$\\nabla_{\\mathbf w} L$'), '∇L');
  assert.equal(plainText('$\\nabla_x f$'), '∇ₓ f');
  assert.equal(plainText('$\\nabla L$'), '∇ L');
  const gd = entries.find((e) => e.id === 'glossary-gradient-descent');
  assert.doesNotMatch(gd.definition, /∇θ/);
});

// "Standard deviation" was used from the first lesson on (s = 0.3 in ml-foundations) with no
// entry to look it up; its worked example and the Gaussian shares are checked here.
test('the standard deviation entry: linked at its first use, its worked example and its Gaussian shares hold', () => {
  const entry = entries.find((e) => e.id === 'glossary-standard-deviation');
  assert.ok(entry, 'an entry');
  assert.match(html('ml-foundations'), /href="notation\.html#glossary-standard-deviation"[^>]*>standard deviation<\/a> is/);
  const values = [2, 4, 6];
  const mean = values.reduce((a, b) => a + b) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  assert.equal(mean, 4);
  assert.equal(variance.toFixed(2), '2.67');
  assert.equal(Math.sqrt(variance).toFixed(2), '1.63');
  // Shares of a Gaussian within 1 and 2 standard deviations: erf(1/√2) and erf(2/√2).
  const erf = (x) => { let sum = 0; let term = x; for (let n = 0; n < 60; n++) { sum += term / (2 * n + 1); term *= -x * x / (n + 1); } return (2 / Math.sqrt(Math.PI)) * sum; };
  assert.equal(erf(1 / Math.SQRT2).toFixed(3), '0.683', 'about two in three');
  assert.equal(erf(2 / Math.SQRT2).toFixed(3), '0.954', 'about 95 in 100');
  assert.match(entry.definition, /2, 4 and 6 the mean is 4/);
});
