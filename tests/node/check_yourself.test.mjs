// Check-yourself blocks: the computations behind numeric answers give the hand-derived numbers,
// every lesson's block parses and every numeric answer evaluates in the engine, and typed
// answers and directive mistakes are refused in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ml } from './engine.mjs';
import { computations, evaluateComputation, parseComputation, readNumber } from '../../web/js/check-computations.js';
import { renderCheckYourself, readCourse } from '../../scripts/lesson-render.mjs';
import { formatNumber } from '../../web/lib/format.js';

const root = path.resolve(import.meta.dirname, '../..');
const close = (a, b, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);
const value = (spec) => evaluateComputation(ml, parseComputation(spec));

test('computations give the hand-derived numbers', () => {
  // One point (1, 4) from w = 3, b = 4: error 3, both gradients 2·3 = 6, step 0.1 → w = 2.4, b = 3.4, loss 0.36·9.
  const s = computations['gd-step'](ml, { x: 1, y: 4, w: 3, b: 4, eta: 0.1 });
  close(s.gradW, 6); close(s.gradB, 6); close(s.w, 2.4); close(s.b, 3.4); close(s.lossBefore, 9); close(s.loss, 3.24);
  close(value('sigmoid.value z=0'), 0.5);
  close(value('sigmoid.value z=2'), 1 / (1 + Math.exp(-2)), 1e-12);
  close(value('log-loss.value y=1 p=0.8'), -Math.log(0.8), 1e-12);
  close(value('mse.value y=1,2,3 yhat=1,2,5'), 4 / 3, 1e-12);
  // y = 1 0 1 1, ŷ = 1 1 1 0: tp 2, fp 1, fn 1 → precision = recall = 2/3, accuracy 2/4.
  close(value('classification.precision y=1,0,1,1 yhat=1,1,1,0'), 2 / 3, 1e-12);
  close(value('classification.accuracy y=1,0,1,1 yhat=1,1,1,0'), 0.5);
  // Positives 0.9, 0.4; negatives 0.8, 0.1: pairs won (0.9>0.8, 0.9>0.1, 0.4>0.1) = 3 of 4.
  close(value('auc.value y=1,0,1,0 scores=0.9,0.8,0.4,0.1'), 0.75);
  close(value('softmax.value z=0,0 i=1'), 0.5);
  close(value('dot.value u=1,2 v=3,4'), 11);
  close(value('matrix-2x2.largest m=2,1,1,2'), 3, 1e-12);
  close(value('matrix-2x2.determinant m=2,1,1,2'), 3, 1e-12);
  // Values 2 4 4 4 5 5 7 9: mean 5, population sd 2 → z(9) = 2.
  close(value('z-score.value values=2,4,4,4,5,5,7,9 x=9'), 2, 1e-12);
  // The k-means example: {1,2,3} and {9,10,11} around 2 and 10, inertia 4.
  close(value('kmeans-1d.inertia points=1,2,3,9,10,11 centroids=2,4'), 4, 1e-12);
  close(value('kmeans-1d.c2 points=1,2,3,9,10,11 centroids=2,4'), 10, 1e-12);
  // Query 4, neighbours 3 (label 1), 6 (label 1), 2 (label 0) → class 1 by 2 votes to 1.
  close(value('knn-1d.label points=1,2,3,6,7 labels=0,0,1,1,1 query=4 k=3'), 1);
  close(value('activation.value fn=2 z=-1'), 0);
  // Gini: two classes 50/50 → 0.5; three classes evenly → 1 − 1/3; entropy of 50/50 → 1 bit.
  close(value('tree-split.impurity labels=0,0,1,1'), 0.5, 1e-12);
  close(value('tree-split.impurity labels=0,1,2'), 2 / 3, 1e-12);
  close(value('tree-split.impurity labels=0,0,1,1 criterion=1'), 1, 1e-12);
  // 0 0 0 | 1 1 0 at x ≤ 3.5: left pure, right Gini 4/9, weighted ½·4/9; root 1 − (2/3)² − (1/3)².
  close(value('tree-split.impurity points=1,2,3,4,5,6 labels=0,0,0,1,1,0'), 4 / 9, 1e-12);
  close(value('tree-split.childImpurity points=1,2,3,4,5,6 labels=0,0,0,1,1,0'), 2 / 9, 1e-12);
  close(value('tree-split.threshold points=1,2,3,4,5,6 labels=0,0,0,1,1,0'), 3.5, 1e-12);
});

test('directive mistakes and bad arguments are refused in words', () => {
  assert.throws(() => parseComputation('nope.value'), /unknown computation "nope"/);
  assert.throws(() => parseComputation('sigmoid'), /must name a result/);
  assert.throws(() => parseComputation('sigmoid.value z=abc'), /must be numbers/);
  assert.throws(() => value('sigmoid.nothing z=1'), /has no result "nothing"/);
  assert.throws(() => value('gd-step.w x=1 y=4 w=3 b=4'), /needs eta= a number/);
  assert.throws(() => renderCheckYourself('? Q\n- a :: x\n- b :: y', 'f.md'), /exactly one right choice/);
  assert.throws(() => renderCheckYourself('? Q\n+ a', 'f.md'), /needs an explanation/);
  assert.throws(() => renderCheckYourself('? Q\n= sigmoid.value z=0 :: why', 'f.md'), /needs a tolerance/);
  assert.throws(() => renderCheckYourself('- a :: x', 'f.md'), /before the first "\?"/);
  const html = renderCheckYourself('? Is $x$ one?\n+ Yes :: because.\n- No :: not so.\n? Sigmoid of 0?\n= sigmoid.value z=0 ± 0.01 :: It is {answer}.', 'f.md');
  assert.match(html, /data-check-yourself/);
  assert.equal((html.match(/class="cy-item"/g) || []).length, 2);
  assert.match(html, /data-compute="sigmoid.value z=0" data-tolerance="0.01"/);
  assert.match(html, /class="katex"/);
});

test('typed answers: decimals with point or comma and a sign; anything else in words', () => {
  assert.deepEqual(readNumber(' 2.4 '), { value: 2.4 });
  assert.deepEqual(readNumber('2,4'), { value: 2.4, readAs: '2.4' });
  assert.deepEqual(readNumber('−0.5'), { value: -0.5 });
  assert.deepEqual(readNumber('.5'), { value: 0.5 });
  assert.match(readNumber('').error, /Type a number/);
  assert.match(readNumber('NaN').error, /not a number/);
  // Powers of ten, typed as a computer writes them or copied as the feedback shows them
  // (rnn-gradient's answer reads "9.766 × 10⁻⁴"); one too large for a double is refused in words.
  assert.deepEqual(readNumber('9.77e-4'), { value: 0.000977 });
  assert.deepEqual(readNumber('-3E+2'), { value: -300 });
  assert.deepEqual(readNumber('9.766 × 10⁻⁴'), { value: 0.0009766 });
  assert.deepEqual(readNumber('9.77 x 10^-4'), { value: 0.000977 });
  assert.deepEqual(readNumber('2,5e1'), { value: 25, readAs: '25' });
  assert.match(readNumber('1e400').error, /"1e400" is too large to check/);
  assert.match(readNumber('1e999').error, /too large/);
  assert.match(readNumber('1e').error, /not a number/);
  assert.match(readNumber('10^3').error, /not a number/);
  assert.match(readNumber('Infinity').error, /not a number/);
  assert.match(readNumber('<img src=x>').error, /not a number/);
  // Fractions of whole numbers, for questions that ask "as a fraction" (train-vs-test: 6/8).
  assert.deepEqual(readNumber('6/8'), { value: 0.75 });
  assert.deepEqual(readNumber(' 3 / 4 '), { value: 0.75 });
  assert.deepEqual(readNumber('−1/4'), { value: -0.25 });
  assert.match(readNumber('3/0').error, /divides by 0/);
  assert.match(readNumber('1/2/3').error, /not a number/);
  assert.match(readNumber('1.5/2').error, /not a number/);
});

test('a comma is a decimal comma unless it can only group thousands; "1,000" is refused with both readings', () => {
  // Read other than as typed: the reading is given, so the feedback can say it.
  assert.deepEqual(readNumber('0,125'), { value: 0.125, readAs: '0.125' });
  assert.deepEqual(readNumber('12,5'), { value: 12.5, readAs: '12.5' });
  assert.deepEqual(readNumber('1,0000'), { value: 1, readAs: '1' });
  assert.deepEqual(readNumber('1234,567'), { value: 1234.567, readAs: '1234.567' }, 'four digits before: no thousands group');
  // Only grouping can explain two commas, or a comma before a point.
  assert.deepEqual(readNumber('1,000,000'), { value: 1000000, readAs: '1000000' });
  assert.deepEqual(readNumber('1,000.5'), { value: 1000.5, readAs: '1000.5' });
  // One comma before exactly three digits, after 1 to 3 digits not starting with 0: both readings.
  assert.equal(readNumber('1,000').error, '"1,000": is that 1000 or 1.000? Type decimals with a point and no thousands separator: 1000 or 1.000.');
  assert.match(readNumber('-12,345').error, /is that -12345 or -12\.345\?/);
  assert.match(readNumber('999,999').error, /is that 999999 or 999\.999\?/);
  assert.match(readNumber('1,000e3').error, /is that 1000e3 or 1\.000e3\?/);
  assert.match(readNumber('1.000,5').error, /more than one separator/);
  assert.match(readNumber('1,00,000').error, /more than one separator/);
  assert.deepEqual(readNumber('1000'), { value: 1000 });
  assert.deepEqual(readNumber('1.000'), { value: 1 });
});

test('thousands grouped by a space, as the site writes them ("2 304"), are read as the number', () => {
  for (const space of ['\u202f', '\u2009', '\u00a0', ' ']) {
    assert.deepEqual(readNumber(`2${space}304`), { value: 2304 }, JSON.stringify(space));
    assert.deepEqual(readNumber(`-1${space}000${space}000.5`), { value: -1000000.5 });
  }
  assert.deepEqual(readNumber(formatNumber(6553600 / 100, 0, { grouping: true })), { value: 65536 }, 'what formatNumber writes');
  assert.deepEqual(readNumber('1\u202f500%', 'percent'), { value: 1500 });
  // Groups of three only: "12 34" is no number the site writes.
  assert.match(readNumber('12 34').error, /not a number/);
  assert.match(readNumber('1 0000').error, /not a number/);
});

test('"50%" is 0.5 for a share, 50 for a percentage, and refused with how to type it otherwise', () => {
  assert.deepEqual(readNumber('50%', 'share'), { value: 0.5, readAs: '0.5' });
  assert.deepEqual(readNumber('34.9 %', 'share'), { value: 0.349, readAs: '0.349' });
  assert.deepEqual(readNumber('12,5%', 'share'), { value: 0.125, readAs: '0.125' });
  assert.deepEqual(readNumber('100%', 'share'), { value: 1, readAs: '1' });
  assert.deepEqual(readNumber('0%', 'share'), { value: 0, readAs: '0' });
  assert.deepEqual(readNumber('0.35', 'share'), { value: 0.35 });
  assert.deepEqual(readNumber('1', 'share'), { value: 1 });
  assert.deepEqual(readNumber('1/3', 'share'), { value: 1 / 3 });
  // A share lies in [0, 1]: one step outside is refused in words, with the percent reading offered.
  assert.equal(readNumber('35', 'share').error, 'A share lies between 0 and 1, so "35" cannot be one: type it as a fraction of 1 (0.35) or with a % sign (35%). If you meant 35%, type 0.35 or 35%.');
  assert.match(readNumber('1.01', 'share').error, /A share lies between 0 and 1/);
  assert.match(readNumber('101%', 'share').error, /A share lies between 0 and 1/);
  assert.match(readNumber('-0.01', 'share').error, /A share lies between 0 and 1/);
  assert.deepEqual(readNumber('7%', 'percent'), { value: 7 });
  assert.deepEqual(readNumber('7', 'percent'), { value: 7 });
  assert.equal(readNumber('50%').error, '"50%" has a % sign, but this answer is a plain number, not a percentage: type it without %.');
  assert.match(readNumber('3/4%', 'share').error, /not a number/);
  assert.match(readNumber('%', 'share').error, /not a number/);
});

test('lessons declare shares and percentages, so a typed "%" is read the way the question means it', () => {
  const course = readCourse(path.join(root, 'lessons'));
  const kinds = new Map();
  for (const lesson of course.lessons) {
    for (const [, spec, kind] of lesson.body.matchAll(/^\s*=\s*(\S+).*?±\s*[\d.]+(?:\s+([a-z]+))?\s*::/gm)) kinds.set(`${lesson.slug} ${spec}`, kind || '');
  }
  for (const key of ['ensembles bootstrap-left-out.share', 'explore-or-exploit epsilon-waste.share', 'pca pca-2d.share', 'tsne-vs-pca pca-2x2.kept',
    'train-vs-test classification.accuracy', 'classification-metrics confusion-counts.recall', 'rules-or-learning classification.accuracy',
    'retrieval-augmented retrieval.recall', 'roc-curves ranking.pairs']) assert.equal(kinds.get(key), 'share', key);
  assert.equal(kinds.get('train-vs-test tree-train-test.gap'), 'percent');
  // Every share answer lies in [0, 1], so the share rule never refuses the right answer.
  for (const lesson of course.lessons) {
    for (const [, spec] of lesson.body.matchAll(/^\s*=\s*(.*?)\s*±\s*[\d.]+\s+share\s*::/gm)) {
      const v = value(spec);
      assert.ok(v >= 0 && v <= 1, `${lesson.slug}: ${spec} = ${v}`);
    }
  }
  const html = renderCheckYourself('? Share?\n= sigmoid.value z=0 ± 0.01 share :: It is {answer}.', 'f.md');
  assert.match(html, /data-tolerance="0.01" data-answer="share"/);
  assert.match(html, /count as right\. Type a share as 0\.35 or 35%\./);
  assert.throws(() => renderCheckYourself('? Q\n= sigmoid.value z=0 ± 0.01 percentage :: x', 'f.md'), /"percentage" after the tolerance must be one of: share, percent/);
});

// Results that are a probability or a part of 1 whatever the question: a model's probability of a
// class, a p-value, an attention weight, a rate of the confusion matrix, a share of spread.
const PROBABILITY_RESULTS = new Set(['logistic.p', 'mcnemar.exact', 'attention.weight', 'softmax.value', 'classification.accuracy',
  'classification.precision', 'classification.recall', 'confusion-counts.recall', 'confusion-counts.precision', 'auc.value',
  'ranking.pairs', 'bootstrap-left-out.share', 'epsilon-waste.share', 'pca-2d.share', 'pca-2x2.kept', 'retrieval.recall']);

test('every numeric answer that is a probability or a part of 1 declares share, so "35 %" reads as 0.35', () => {
  const course = readCourse(path.join(root, 'lessons'));
  const undeclared = [];
  const shares = [];
  for (const lesson of course.lessons) {
    for (const [, block] of lesson.body.matchAll(/^::: *check-yourself *\n([\s\S]*?)^::: *$/gm)) {
      let question = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('?')) question = line;
        const m = /^=\s*(.*?)\s*±\s*[\d.]+(?:\s+([a-z]+))?\s*::/.exec(line);
        if (!m) continue;
        const [spec, kind = ''] = [m[1], m[2]];
        const result = spec.split(' ')[0];
        const v = value(spec);
        // A question that asks for a probability, a p-value or a share of something.
        const asked = /probabilit|p-value|\bp\(|\bshare\b|proportion|fraction of/i.test(question) && !/in percent/i.test(question);
        if (!(v >= 0 && v <= 1) || !(asked || PROBABILITY_RESULTS.has(result))) continue;
        if (kind === 'share') shares.push(`${lesson.slug} ${result}`);
        else undeclared.push(`${lesson.slug} ${result}${kind ? ` (${kind})` : ''}`);
      }
    }
  }
  assert.deepEqual(undeclared, [], 'declare these answers "share" after their tolerance');
  // The questions found, so a change of wording that hides one from the rule above shows here.
  for (const key of ['attention-toy attention.weight', 'comparing-models mcnemar.exact', 'draw-the-boundary logistic.p',
    'model-lifecycle sigmoid.value', 'spam-filter logistic.p']) assert.ok(shares.includes(key), key);
});

test('a count takes whole numbers only: 0.9 and 1.1 votes are refused in words, not rounded to 1', () => {
  assert.deepEqual(readNumber('1', 'count'), { value: 1 });
  assert.deepEqual(readNumber('0', 'count'), { value: 0 });
  assert.deepEqual(readNumber('1.0', 'count'), { value: 1 });
  assert.deepEqual(readNumber('4/2', 'count'), { value: 2 });
  assert.equal(readNumber('0.9', 'count').error, '"0.9" is not a whole number: a count is a whole number, such as 0, 1 or 2.');
  assert.match(readNumber('1.1', 'count').error, /a count is a whole number/);
  assert.match(readNumber('1,5', 'count').error, /"1,5" is not a whole number/);
  assert.match(readNumber('1/2', 'count').error, /not a whole number/);
  assert.equal(readNumber('-1', 'count').error, '"-1" is below 0: a count is a whole number from 0 up.');
  assert.match(readNumber('2%', 'count').error, /this answer is a count: type it without %/);
  assert.deepEqual(readNumber('-4', 'whole'), { value: -4 });
  assert.match(readNumber('4.4', 'whole').error, /"4.4" is not a whole number/);

  // A count's directive has no tolerance: only the exact whole number is right.
  const html = renderCheckYourself('? Votes?\n= knn-1d.votes1 points=1,2,4,7,8 labels=0,0,1,1,1 query=3.4 k=3 count :: {answer}.', 'f.md');
  assert.match(html, /data-tolerance="0" data-answer="count"/);
  assert.match(html, /inputmode="numeric"/);
  assert.match(html, /The answer is a count: a whole number, and only the exact one is right\./);
  assert.throws(() => renderCheckYourself('? Q\n= knn-1d.votes1 points=1,2 labels=0,1 query=1 k=1 ± 0.1 count :: x', 'f.md'), /a count answer is exact, so it takes no tolerance/);

  // Every lesson's count question declares it, and the engine's answer is a whole number.
  const course = readCourse(path.join(root, 'lessons'));
  const declared = new Map();
  for (const lesson of course.lessons) {
    for (const [, spec, , kind] of lesson.body.matchAll(/^\s*=\s*((\S+).*?)\s+(count|whole)\s*::/gm)) {
      declared.set(`${lesson.slug} ${spec.split(' ')[0]}`, kind);
      const v = value(spec);
      assert.ok(Number.isInteger(v) && (kind === 'whole' || v >= 0), `${lesson.slug}: ${spec} = ${v}`);
    }
  }
  assert.deepEqual([...declared].sort(), [
    ['clustering-beyond-kmeans dbscan-1d.noise', 'count'], ['digits-cnn conv-layer.size', 'count'], ['fine-tuning lora-params.adapter', 'count'],
    ['knn knn-1d.votes1', 'count'], ['quantisation quantise-value.q', 'whole'], ['real-code k-fold.size', 'count'], ['real-code mlp-size.params', 'count'],
    ['scaling-and-cv k-fold.size', 'count'], ['time-series time-series-split.firstTrain', 'count'],
  ]);
});

test('every lesson block parses and each numeric answer comes out of the engine', () => {
  const course = readCourse(path.join(root, 'lessons'));
  let numeric = 0;
  for (const lesson of course.lessons) {
    for (const [, block] of lesson.body.matchAll(/^::: *check-yourself *\n([\s\S]*?)^::: *$/gm)) {
      renderCheckYourself(block, lesson.file);
      for (const [, spec] of block.matchAll(/^\s*=\s*(.*?)\s*(?:±|\s(?:count|whole)\s*::)/gm)) {
        assert.ok(Number.isFinite(value(spec)), `${lesson.slug}: ${spec}`);
        numeric += 1;
      }
    }
  }
  assert.ok(numeric >= 1, 'at least one lesson has a numeric check');
});

test('computations live in modules named by topic, each name defined in exactly one', async () => {
  const dir = path.join(root, 'web', 'js', 'check-computations');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js') && !['args.js', 'core-names.js'].includes(f));
  const levelOrBatch = /^(foundations|beginner|intermediate|advanced|expert|frontier|landscape)/;
  assert.deepEqual(files.filter((f) => levelOrBatch.test(f)), [], 'a module is named after a course level or delivery batch');
  const registry = fs.readFileSync(path.join(root, 'web', 'js', 'check-computations.js'), 'utf8');
  const home = new Map();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    assert.match(text, /^\/\/ \S.*\n\n/, `${file} starts with a one-line comment saying what it holds`);
    assert.ok(registry.includes(`from './check-computations/${file}'`), `check-computations.js imports ${file}`);
    // Keys as written (a key repeated inside one object literal would be lost silently), and as exported.
    const written = [...text.matchAll(/^ {2}'?([a-z][a-z0-9-]*)'?: /gm)].map((m) => m[1]);
    const { computations: exported } = await import(pathToFileURL(path.join(dir, file)).href);
    assert.deepEqual(written, Object.keys(exported), `${file}: every computation written once, at the top level`);
    for (const name of written) {
      assert.ok(!home.has(name), `"${name}" is defined in ${home.get(name)} and again in ${file}`);
      home.set(name, file);
    }
  }
  assert.deepEqual([...home.keys()].sort(), Object.keys(computations).sort(), 'the registry holds exactly the modules\' computations');
  assert.ok(home.size >= 80, `${home.size} computations`);
  assert.equal(home.get('k-fold'), 'model-selection.js');
  assert.equal(home.get('gd-step'), 'linear-models.js');
});

test('a choice written in math gets its words as the radio button\'s name', async () => {
  const { plainText } = await import('../../scripts/plain-text.mjs');
  assert.equal(plainText('$13 \\times 13$'), '13 × 13');
  assert.equal(plainText('$\\frac{1}{2}$ of $w^2$, **bold**'), '(1)/(2) of w², bold');
  const html = renderCheckYourself('? Size?\n+ $13 \\times 13$ :: yes\n- fourteen :: no', 'f.md');
  assert.match(html, /value="0" aria-label="13 × 13">/);
  assert.match(html, /value="1">/, 'plain words need no extra name');
});

test('a starred symbol in a choice keeps its star in the radio button\'s name ($D^*$ reads "D*", not "D^")', async () => {
  const { plainText } = await import('../../scripts/plain-text.mjs');
  assert.equal(plainText('½, since $D^* = p_{\\text{data}}/(p_{\\text{data}} + p_G)$ with equal densities'), '½, since D* = pdata/(pdata + pG) with equal densities');
  assert.equal(plainText('$x^{*}$, $\\theta^\\ast$ and $w^\\star$'), 'x*, θ* and w*');
  assert.equal(plainText('raw scores $\\mathbf w^\\top \\mathbf x + b$'), 'raw scores wᵀ x + b');
  // A line-break hint and a control space are layout for the page's formula, not words to read.
  assert.equal(plainText('$(0.665,\\allowbreak\\ 0.245)$'), '(0.665, 0.245)');
  assert.equal(plainText('*stress* and `code` outside math, $a^*$ inside'), 'stress and code outside math, a* inside');
  assert.equal(plainText('$e^{1000}$ overflows; $10^{-3}$ and $x^2$'), 'e¹⁰⁰⁰ overflows; 10⁻³ and x²');
  // A grouped exponent ($e^{1\,000}$, as the lessons group four digits) keeps its group.
  assert.equal(plainText('$e^{1\\,000}$ overflows'), 'e¹\u202f⁰⁰⁰ overflows');
  // Every lesson's choice names: a ^ left over from math is a symbol the reader cannot say.
  const course = readCourse(path.join(root, 'lessons'));
  let starred = 0;
  for (const lesson of course.lessons) {
    for (const [, block] of lesson.body.matchAll(/^::: *check-yourself *\n([\s\S]*?)^::: *$/gm)) {
      for (const [, label] of renderCheckYourself(block, lesson.file).matchAll(/aria-label="([^"]*)"/g)) {
        assert.doesNotMatch(label, /\^/, `${lesson.slug}: "${label}"`);
        if (/\*/.test(label)) starred += 1;
      }
    }
  }
  assert.ok(starred >= 1, 'the GAN lesson\'s D* is among the names');
});

// The Bellman equation's glossary pop-up once read "mathbbEbig[r + γ maxa' …big]": a blackboard
// letter, a bracket-sizing command and a max over a set each left their TeX name behind.
test('an expectation, a sized bracket, a max over a set and a prime read as the page draws them', async () => {
  const { plainText } = await import('../../scripts/plain-text.mjs');
  assert.equal(plainText("$Q^\\ast(s, a) = \\mathbb{E}\\big[r + \\gamma \\max_{a'} Q^\\ast(s', a')\\big]$"), 'Q*(s, a) = 𝔼[r + γ max over a′ Q*(s′, a′)]');
  assert.equal(plainText('$\\mathbb E\\Bigl( x \\Bigr)$, $\\biggl| x \\biggr|$ and $\\min_w L$'), '𝔼( x ), | x | and min over w L');
  assert.equal(plainText('$x^\\prime$ and $\\tilde x = \\dfrac{a}{b}$'), 'x′ and x̃ = (a)/(b)');
  // An escaped dollar in the text is a dollar sign, not a backslash and the edge of math.
  assert.equal(plainText('A \\$1 bill; at $x = 1$'), 'A $1 bill; at x = 1');
  // Every lesson's choice names hold no TeX: no backslash, and no command of the choice's math
  // (\\mathbb, \\big, \\frac …) left behind as a word, save those said as words (log, max …).
  const said = new Set(['log', 'ln', 'max', 'min']);
  const course = readCourse(path.join(root, 'lessons'));
  let named = 0;
  for (const lesson of course.lessons) {
    for (const [, block] of lesson.body.matchAll(/^::: *check-yourself *\n([\s\S]*?)^::: *$/gm)) {
      for (const line of block.split('\n').filter((l) => /^[-+]/.test(l) && l.split('::')[0].includes('$'))) {
        const source = line.slice(1).split('::')[0];
        const label = plainText(source);
        const prose = source.split(/\$\$?[^$]+\$\$?/).join(' ');
        assert.doesNotMatch(label, /\\/, `${lesson.slug}: "${label}"`);
        for (const [, name] of source.matchAll(/\\([a-zA-Z]{2,})/g)) {
          if (!said.has(name)) assert.ok(label.split(name).length <= prose.split(name).length, `${lesson.slug}: "${label}" keeps \\${name}`);
        }
        named += 1;
      }
    }
  }
  assert.ok(named > 50, `${named} choice names checked`);
});

// The block writes its own verdict before each explanation ("Right.", "Not quite.", "Right: 0.75.",
// web/js/check-yourself.messages.js), so an explanation that opens with one too reads twice:
// "Right. Right: the gap …" (regression-models). Read from every lesson's rendered block.
test('no explanation opens with a verdict of its own: the block already says "Right." or "Not quite."', async () => {
  const { messages: words } = await import('../../web/js/check-yourself.messages.js');
  const verdicts = ['choiceRight', 'choiceWrong', 'numberRight', 'numberWrong'].map((k) => /^[^.:]+/.exec(words[`check-yourself.${k}`])[0]);
  assert.deepEqual([...new Set(verdicts)], ['Right', 'Not quite']);
  // The block's verdicts and their synonyms, as a word of their own ("No straight line …" is content).
  const opener = new RegExp(`^(?:${[...new Set(verdicts), 'Correct', 'Incorrect', 'Wrong', 'Yes', 'No', 'Exactly'].join('|')})\\s*[.:,;!—–-]`, 'i');
  const course = readCourse(path.join(root, 'lessons'));
  const doubled = [];
  let explanations = 0;
  for (const lesson of course.lessons) {
    for (const [, block] of lesson.body.matchAll(/^::: *check-yourself *\n([\s\S]*?)^::: *$/gm)) {
      for (const [, html] of renderCheckYourself(block, lesson.file).matchAll(/<template class="cy-why"[^>]*>([\s\S]*?)<\/template>/g)) {
        explanations += 1;
        const text = html.replace(/<[^>]*>/g, '').trim();
        if (opener.test(text)) doubled.push(`${lesson.slug}: "${text.slice(0, 60)}"`);
      }
    }
  }
  assert.ok(explanations > 300, `${explanations} explanations read`);
  assert.deepEqual(doubled, []);
});
