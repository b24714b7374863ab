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

test('the glossary has its 52 entries, each with an id the notation page carries', () => {
  assert.equal(entries.length, 52);
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

// "Stemming and lemmatisation" names two terms, so it is found by its aliases; without them no
// lesson linked it, though text-to-numbers teaches it with "stemmer" and "stemming".
test('stemming, a stemmer, lemmatisation and a lemmatiser link to their shared entry; text-to-numbers links it', () => {
  const id = 'glossary-stemming-and-lemmatisation';
  for (const word of ['stemming', 'stemmer', 'stemmers', 'lemmatisation', 'lemmatiser']) {
    assert.match(linkGlossary(`<p>A ${word} here.</p>`, entries), new RegExp(`#${id}"[^>]*>${word}</a>`), word);
  }
  const lesson = course.lessons.find((l) => l.slug === 'text-to-numbers');
  assert.match(renderLesson(lesson, course), new RegExp(`<a class="glossary-link" href="notation\\.html#${id}"[^>]*>stemmer</a>`));
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

// A glossary link's title is its pop-up and its accessible description: plain words, with the math
// written as the page draws it — (ŷ − y)², θ ← θ − η ∇L, s/√n, p(a | b) — never TeX source such as
// "(\hat y - y)^2" or "\theta \leftarrow", which a screen reader spells out backslash by backslash,
// nor a Markdown link. The learning-platform package (scripts/build-scorm.mjs) keeps the same title.
test('no glossary pop-up, on the site or in a learning-platform package, shows TeX or Markdown', async () => {
  const { packagePage } = await import('../../scripts/build-scorm.mjs');
  const raw = /[\\$^_]|\]\(|\*\*|`/;
  const byId = new Map(entries.map((e) => [e.id, e.definition]));
  assert.equal(byId.get('glossary-loss'), 'A function that scores a prediction against the label; larger means worse. Squared error (ŷ − y)² is the usual loss for numbers.');
  // ∇_θ L is "the gradient of L" (∇L), not ∇ times θ times L ("∇θ L").
  assert.match(byId.get('glossary-gradient-descent'), /: θ ← θ − η ∇L\.$/);
  assert.match(byId.get('glossary-learning-rate'), /^The factor η that sets/);
  assert.match(byId.get('glossary-hyperparameter'), /the learning rate η or the penalty strength λ\./);
  assert.match(byId.get('glossary-central-limit-theorem'), /with spread s\/√n,/);
  assert.match(byId.get('glossary-conditional-probability'), /written p\(a \| b\)\. Bayes' rule, p\(a \| b\) = p\(b \| a\) p\(a\)\/p\(b\),/);
  assert.match(byId.get('glossary-supervised-unsupervised-reinforcement-and-self-supervised-learning'), /itself\. Kinds of learning compares them\.$/);
  for (const e of entries) assert.doesNotMatch(e.definition, raw, `${e.name}: ${e.definition}`);
  let titles = 0;
  for (const lesson of course.lessons) {
    if (lesson.slug === 'notation') continue;
    const html = renderLesson(lesson, course);
    const site = [...html.matchAll(/<a class="glossary-link"[^>]*? title="([^"]*)"/g)].map((m) => m[1]);
    const scorm = [...packagePage(html, '1.2').matchAll(/<span class="lesson-ref glossary-term" title="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(scorm, site, `${lesson.slug}: the package keeps every glossary title`);
    for (const title of site) assert.doesNotMatch(title, raw, `${lesson.slug}: ${title}`);
    titles += site.length;
  }
  assert.ok(titles > 300, `${titles} glossary titles checked`);
});

// The Bellman equation's pop-up once read "Q*(s, a) = mathbbEbig[r + γ maxa' Q*(s', a')big]": a TeX
// command with no plain form left its bare name behind, which the check above (backslashes, $, ^, _)
// does not see. Each command an entry's math uses must vanish or become its sign, save the few said
// as words (log, ln, max, min): none may appear in the pop-up more often than in the entry's prose.
test('no glossary pop-up keeps a TeX command\'s bare name (mathbb, big, frac …)', () => {
  const said = new Set(['log', 'ln', 'max', 'min']);
  const section = notation.body.split(/^## Glossary\s*$/m)[1].split(/^## /m)[0];
  const sources = new Map([...section.matchAll(/^\*\*([^*]+?)\.\*\*\s+(.+)$/gm)].map((m) => [m[1].trim(), m[2]]));
  let commands = 0;
  for (const e of entries) {
    const source = sources.get(e.name);
    const prose = source.split(/\$\$?[^$]+\$\$?/).join(' ');
    assert.doesNotMatch(e.definition, /\\/, `${e.name}: ${e.definition}`);
    for (const [, name] of source.matchAll(/\\([a-zA-Z]{2,})/g)) {
      commands += 1;
      if (!said.has(name)) assert.ok(e.definition.split(name).length <= prose.split(name).length, `${e.name} keeps "${name}": ${e.definition}`);
    }
  }
  assert.ok(commands > 20, `${commands} commands checked`);
  assert.match(entries.find((e) => e.id === 'glossary-bellman-equation').definition, /: Q\*\(s, a\) = 𝔼\[r \+ γ max over a′ Q\*\(s′, a′\)\], the reward of move a in state s plus the discounted best value of the state s′ it leads to,/);
});

// "Tensor" has an entry, and the first lesson in course order that says it (real-code, in its
// opening paragraph, before any code comment) defines it there and links the entry.
test('tensor: a glossary entry, defined and linked where the course first uses the word', () => {
  const e = entries.find((x) => x.id === 'glossary-tensor');
  assert.ok(e, 'a Tensor entry');
  const first = course.lessons.find((l) => l.slug !== 'notation' && /tensor/i.test(l.body));
  assert.equal(first.slug, 'real-code');
  const prose = first.body.split('\n').find((line) => /tensor/i.test(line));
  assert.match(prose, /\*\*tensors\*\*, arrays with any number of directions \(axes\): a single number has none, a vector one, a matrix two/);
  assert.match(renderLesson(first, course), /<a class="glossary-link" href="notation\.html#glossary-tensor"/);
});

// The Bellman entry writes r for a reward, a and a′ for actions, Q* for the best values and 𝔼 for an
// average: the symbol table on the same page must give each of them that meaning (r was once only a
// LoRA rank there, and a, Q and 𝔼 had no row).
test('every symbol of the Bellman entry has a row in the symbol table with the meaning the entry gives it', () => {
  const table = notation.body.split(/^## Glossary\s*$/m)[0];
  const rows = [...table.matchAll(/^\| (.+?) \| .+? \| (.+) \|$/gm)].map((m) => ({ symbols: m[1], meaning: m[2] }));
  const bellman = entries.find((e) => e.id === 'glossary-bellman-equation');
  assert.match(bellman.definition, /Q\*\(s, a\) = 𝔼\[r \+ γ max over a′ Q\*\(s′, a′\)\]/);
  const meaningOf = (symbol, meaning) => assert.ok(rows.some((r) => r.symbols.split(/,\s*(?=\$)/).some((s) => s.trim() === symbol) && meaning.test(r.meaning)), `${symbol}: ${meaning}`);
  meaningOf('$r$', /reward/);
  meaningOf("$a'$", /action/);
  meaningOf('$a$', /action/);
  meaningOf("$s'$", /state a move leads to|state after a move/);
  meaningOf('$Q^\\ast(s, a)$', /best possible/);
  meaningOf('$Q(s, a)$', /estimate of the return/);
  meaningOf('$\\mathbb E[\\cdot]$', /average/);
  meaningOf('$\\gamma$', /discount/);
});

// Terms many lessons use (audit 9, M6 #7): accuracy, MSE, neural network, cross-validation, logistic
// regression, softmax, backpropagation, precision, recall and the statistical bias have entries;
// "target" is a label, "training error" the empirical risk, "training data" the training set. Each
// links in its own sense only: the bias b of a line or neuron is the intercept, DQN's target
// network and a TD target are not labels, a number's precision is not a classifier's.
test('the new entries link where the word has their sense, and not where it has another', () => {
  const first = (html, id) => (html.match(new RegExp(`<a class="glossary-link" href="notation\\.html#glossary-${id}"[^>]*>([^<]*)</a>`)) || [])[1];
  const linkOf = (text, id) => first(linkGlossary(`<p>${text}</p>`, entries), id);
  for (const [text, id, word] of [
    ['Its accuracy is 0.9.', 'accuracy', 'accuracy'], ['The MSE falls.', 'mean-squared-error', 'MSE'],
    ['A deep neural network.', 'neural-network', 'neural network'], ['We cross-validate it.', 'cross-validation', 'cross-validate'],
    ['Logistic regression is a classifier.', 'logistic-regression', 'Logistic regression'], ['A softmax of the scores.', 'softmax', 'softmax'],
    ['This is backpropagation.', 'backpropagation', 'backpropagation'], ['High precision.', 'precision', 'precision'], ['Its recall.', 'recall', 'recall'],
    ['The target is a price.', 'label', 'target'], ['Its training error falls.', 'empirical-risk', 'training error'],
    ['On the training data.', 'training-set', 'training data'], ['This is high bias.', 'bias', 'bias'], ['Bias² and variance.', 'bias', 'Bias'],
    ['It trades bias for variance.', 'bias', 'bias'], ['The bias is how far the average fit lands.', 'bias', 'bias'],
  ]) assert.equal(linkOf(text, id), word, text);
  for (const [text, id] of [
    ['Weights and biases.', 'bias'], ['The bias \u00000\u0000 shifts it.', 'bias'], ['The bias shifts it.', 'bias'], ['The intercept (bias).', 'bias'],
    ['Slice checks for bias.', 'bias'], ['Its output bias alone.', 'bias'], ['A bias vector.', 'bias'],
    ['The target network.', 'label'], ['The TD target.', 'label'], ['Each step jumps past the target.', 'label'], ['Each targets a different way.', 'label'],
    ['At full precision.', 'precision'], ['Digits of precision.', 'precision'], ['Its recall@k.', 'recall'], ['The root mean squared error.', 'mean-squared-error'],
  ]) assert.equal(linkOf(text, id), undefined, text);
  // In the lessons, in home-page order: the first lesson that links each entry, and the word it links.
  const firstLesson = new Map();
  for (const lesson of course.lessons) {
    if (lesson.slug === 'notation') continue;
    const html = renderLesson(lesson, course);
    for (const id of ['accuracy', 'mean-squared-error', 'neural-network', 'cross-validation', 'logistic-regression', 'softmax', 'backpropagation', 'precision', 'recall', 'bias']) {
      if (!firstLesson.has(id) && first(html, id)) firstLesson.set(id, lesson.slug);
    }
    const bias = first(html, 'bias');
    if (['how-models-learn', 'draw-the-boundary', 'neural-network-playground', 'vectors-and-matrices', 'digits-cnn', 'deep-q-learning', 'frontier-kernels', 'recurrent-networks', 'model-lifecycle', 'activation-functions'].includes(lesson.slug)) {
      assert.equal(bias, undefined, `${lesson.slug} links the intercept (or fairness) "bias" to the statistical entry`);
    }
    if (['bias-variance', 'learning-curves', 'model-selection', 'frontier-bias-variance'].includes(lesson.slug)) assert.ok(bias, `${lesson.slug} links bias`);
    if (['deep-q-learning', 'q-learning', 'draw-the-boundary', 'how-models-learn', 'learning-loop', 'training-tricks', 'tsne-vs-pca'].includes(lesson.slug)) {
      assert.doesNotMatch(html, /#glossary-label"[^>]*>targets?</i, `${lesson.slug} links a target that is not a label`);
    }
    if (['quantisation', 'svd'].includes(lesson.slug)) assert.equal(first(html, 'precision'), undefined, lesson.slug);
  }
  assert.deepEqual(Object.fromEntries(firstLesson), {
    'mean-squared-error': 'maths-primer', softmax: 'maths-primer', 'neural-network': 'ml-foundations', backpropagation: 'learning-loop',
    'logistic-regression': 'learning-loop', accuracy: 'two-jobs', precision: 'two-jobs', recall: 'two-jobs', 'cross-validation': 'model-selection',
    bias: 'generalisation',
  });
  for (const [slug, word] of [['two-jobs', 'target'], ['predicting-a-tip', 'target']]) {
    assert.equal(first(renderLesson(course.lessons.find((l) => l.slug === slug), course), 'label'), word, slug);
  }
});
