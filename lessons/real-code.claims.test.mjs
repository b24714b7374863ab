// Claims of lessons/real-code.md (the numbers the snippets imply), checked against the engine:
// the fold sizes of 5-fold cross-validation on the training part, and the size of the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ml } from '../tests/node/engine.mjs';
import { computations } from '../web/js/check-computations.js';

test('snippet 1: 300 rows, 30% held out → 210 for CV; cv = 5 scores 42 rows per fold and trains on 168', () => {
  const held = Math.round(300 * 0.3);
  assert.equal(held, 90);
  const folds = ml.kFold(300 - held, 5, false, 0);
  assert.deepEqual(folds.map((f) => f.test.length), [42, 42, 42, 42, 42]);
  assert.deepEqual(folds.map((f) => f.train.length), [168, 168, 168, 168, 168]);
  // stratified, as scikit-learn does for a classifier: make_moons(300) has 150 of each class and a
  // stratified 30% hold-out keeps 105 of each for CV, so every fold tests 21 + 21
  const labels = Array.from({ length: 210 }, (_, i) => i % 2);
  for (const f of ml.stratifiedKFold(labels, 5, true, 0)) assert.equal([...f.test].filter((i) => labels[i] === 1).length, 21);
  assert.deepEqual(ml.stratifiedKFold(labels, 5, true, 0).map((f) => f.test.length), [42, 42, 42, 42, 42]);
  assert.equal(computations['k-fold'](ml, { n: 210, k: 5, fold: 1 }).size, 42);
});

test('snippet 4: 2 → 16 → 1 has 65 weights and biases; 2 → 8 → 1 has 33', () => {
  assert.equal(computations['mlp-size'](ml, { inputs: 2, hidden: 16 }).params, 2 * 16 + 16 + 16 + 1);
  assert.equal(computations['mlp-size'](ml, { inputs: 2, hidden: 16 }).params, 65);
  assert.equal(computations['mlp-size'](ml, { inputs: 2, hidden: 8 }).params, 33);
  assert.equal(computations['mlp-size'](ml, { inputs: 3, hidden: [4, 2] }).params, 3 * 4 + 4 + 4 * 2 + 2 + 2 + 1);
});

test('snippet 1: gradient descent on the mean squared error walks to the line least squares solves for directly', () => {
  // three features, like make_regression(n_features=3): y = 40·x₁ − 25·x₂ + 10·x₃ + noise
  const n = 160;
  const noise = ml.makeLinear(n, 0, 0, 10, 7, -3, 3).y;
  const feats = [ml.makeLinear(n, 0, 0, 1, 1, -3, 3).y, ml.makeLinear(n, 0, 0, 1, 2, -3, 3).y, ml.makeLinear(n, 0, 0, 1, 3, -3, 3).y];
  const X = new Float64Array(n * 3); const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) X[3 * i + j] = feats[j][i];
    y[i] = 40 * feats[0][i] - 25 * feats[1][i] + 10 * feats[2][i] + noise[i];
  }
  const reg = new ml.LinearRegression();
  try {
    reg.setData(X, 3, y);
    reg.setLearningRate(0.05);
    reg.fit(200);
    const walked = [...reg.params()]; const solved = [...reg.closedForm()];
    for (let j = 0; j < 4; j++) assert.ok(Math.abs(walked[j] - solved[j]) < 1e-3 * Math.max(1, Math.abs(solved[j])), `parameter ${j}: ${walked[j]} vs ${solved[j]}`);
    // R² = 1 − SSE/SST: predicting the targets' mean everywhere scores exactly 0, a perfect fit 1
    const mean = y.reduce((s, v) => s + v, 0) / n;
    assert.ok(Math.abs(ml.r2Score(y, new Float64Array(n).fill(mean))) < 1e-12);
    assert.equal(ml.r2Score(y, y), 1);
    assert.ok(reg.score(X, y) > 0.9);
  } finally {
    reg.delete();
  }
});

test('the lesson ships the source\'s listing: LinearRegression and nn.Linear + MSELoss on one line, LogisticRegression.predict_proba, train_test_split, R²', async () => {
  const fs = await import('node:fs');
  const md = fs.readFileSync(new URL('./real-code.md', import.meta.url), 'utf8');
  for (const needle of ['LinearRegression().fit(X_fit, y_fit)', 'reg.score(X_held, y_held)', 'nn.Linear(3, 1)', 'nn.MSELoss()', 'clf.predict_proba(Xc_held)[:5]', 'import train_test_split', 'test_size=0.2']) {
    assert.ok(md.includes(needle), needle);
  }
  assert.doesNotMatch(md, /65 weights at once/, 'the 65 are weights and biases');
  // snippets are numbered 1–5 and every reference to one names a snippet that exists
  const headings = [...md.matchAll(/^## (\d)\. /gm)].map((m) => Number(m[1]));
  assert.deepEqual(headings, [0, 1, 2, 3, 4, 5]);
  for (const m of md.matchAll(/[Ss]nippet (\d)/g)) assert.ok(headings.includes(Number(m[1])), m[0]);
});

// scikit-learn's PCA centres X, then svd_solver="auto" takes an SVD, except that from version 1.5
// a tall, narrow X (at most 1 000 columns and at least ten times as many rows) goes to
// "covariance_eigh", the covariance matrix's eigenvectors (sklearn/decomposition/_pca.py, _fit).
test('snippet 3: the PCA comment names both routes scikit-learn takes to the same axes, not the covariance matrix alone', async () => {
  const fs = await import('node:fs');
  const md = fs.readFileSync(new URL('./real-code.md', import.meta.url), 'utf8');
  const snippet = md.slice(md.indexOf('## 3. '), md.indexOf('## 4. '));
  const lines = snippet.slice(0, snippet.indexOf('pca = PCA(')).trimEnd().split('\n');
  const comment = lines.slice(lines.findLastIndex((line) => !line.startsWith('#')) + 1).join(' ');
  assert.equal(comment, '# Principal axes of the centred X. scikit-learn finds them by an # SVD or, when rows far outnumber columns (version 1.5 on), from # the covariance matrix; both routes give the same axes');
  assert.doesNotMatch(snippet, /axes from the covariance matrix of X/);
  // Both routes give the same axes: the engine's PCA (covariance eigenvectors) against the SVD of
  // the centred table is checked in lessons/svd.claims.test.mjs.
});

// Snippet 0 (the opening puzzle in NumPy): the course's sin(x) experiment, 12 noisy points and
// degrees 1, 3 and 11, as seed 000 runs it: default_rng(0) and rng.normal(0, 0.3), so it prints
// seed 000's table (tests/fixtures/sin_experiment.json holds that run: generators/sin_experiment.py).
// The lesson prints what the snippet prints (run here when a Python with NumPy is on the machine),
// and the pattern it reads off holds for the engine's own noise too. (ml-foundations.claims checks
// that the engine, fitting the run's twelve points, gives the same table.)
test('snippet 0: the sin(x) experiment in NumPy is the original run: it prints seed 000\'s table, and the engine shows the same pattern', async (t) => {
  const fs = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const md = fs.readFileSync(new URL('./real-code.md', import.meta.url), 'utf8');
  const snippet = md.slice(md.indexOf('## 0. '), md.indexOf('## 1. '));
  const code = snippet.match(/```python\n([\s\S]*?)```/)[1];
  const printed = snippet.match(/```text\n([\s\S]*?)```/)[1];
  for (const needle of ['TWO_PI = 2 * np.pi', 'np.random.default_rng(0)', 'np.linspace(0, TWO_PI, num=12)', 'rng.normal(0, 0.3, size=12)', 'np.linspace(0, TWO_PI, num=200)', 'for degree in (1, 3, 11):', 'np.polyfit(x_fit, y_fit, deg=degree)', 'np.poly1d(coeffs)']) {
    assert.ok(code.includes(needle), needle);
  }
  // The lines the reading quotes are in the code.
  for (const m of snippet.slice(snippet.indexOf('Read against')).matchAll(/`([^`]+)`/g)) {
    const name = m[1].replace(/\(.*$/, '');
    assert.ok(code.includes(name), `the reading quotes ${m[1]}`);
  }
  const rows = [...printed.matchAll(/^degree +(\d+): train MSE ([\d.]+), test MSE ([\d.]+)$/gm)].map((r) => r.slice(1).map(Number));
  assert.deepEqual(rows.map((r) => r[0]), [1, 3, 11]);
  const [one, three, eleven] = rows;
  // The printout is the original run's table, as the lesson says.
  const original = JSON.parse(fs.readFileSync(new URL('../tests/fixtures/sin_experiment.json', import.meta.url), 'utf8'));
  assert.deepEqual(original.printed, { 1: ['0.308', '0.205'], 3: ['0.028', '0.015'], 11: ['0.000', '0.080'] });
  assert.deepEqual([...printed.matchAll(/train MSE ([\d.]+), test MSE ([\d.]+)/g)].map((m) => [m[1], m[2]]), [original.printed[1], original.printed[3], original.printed[11]]);
  assert.match(snippet, /and the program below is its original run: the same seed, the same noise and the same table\./);
  assert.match(snippet, /This seed and this call are the experiment's original run, and the printout is its table\./);
  assert.match(snippet, /choose \*\*NumPy run\*\* under \*dots\* there, and the engine fits them live and shows the same numbers/);
  // What the reading says of the printout: degree 1 misses on both sets, degree 3 has the lowest
  // test error, degree 11 the lowest training error (0.000) and a test error over five times degree 3's.
  assert.ok(one[1] > three[1] && one[2] > three[2]);
  assert.equal(eleven[1], 0);
  assert.ok(eleven[2] > 5 * three[2] && eleven[2] < one[2], 'worse than degree 3 on the test points, not the worst of the three');
  assert.match(snippet, /training MSE 0\.000\) and swings between them: the lowest training error, yet a test error over five times degree 3's\./);
  // The engine's noise (not NumPy's) on the same setup: the same pattern for every seed tried.
  for (let seed = 0; seed < 50; seed++) {
    const r = ml.sinExperiment([1, 3, 11], 0.3, seed);
    const [tr, te] = [[...r.trainMse], [...r.testMse]];
    assert.ok(tr[2] < 5e-4 && te[1] < te[0] && te[1] < te[2] && tr[1] < tr[0], `seed ${seed}: ${tr} / ${te}`);
  }
  const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0);
  if (!python) { t.diagnostic('no Python with NumPy here: the printout was not re-run'); return; }
  const run = spawnSync(python, ['-'], { input: code, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, printed);
});

// PyTorch stores a batch of images as N × C × H × W: the colour channel is the second axis, before
// row and column (torchvision's ToTensor gives C × H × W; digits-cnn writes a photo as 3 × 224 × 224).
// Channel last is TensorFlow's default, so the lesson names the library whose order it gives.
test('the tensor sentence gives PyTorch\'s axis order for a batch of colour photos: photo, channel, row, column', async () => {
  const fs = await import('node:fs');
  const read = (name) => fs.readFileSync(new URL(`./${name}.md`, import.meta.url), 'utf8');
  const axes = (text) => {
    const m = /a batch of colour (?:photos|images) four: ([^.;(]+?),? in PyTorch's order/.exec(text);
    assert.ok(m, 'the axes are listed and said to be PyTorch\'s order');
    return m[1].split(/, | and /).map((w) => w.trim());
  };
  const nchw = ['channel', 'row', 'column'];
  for (const [name, text] of [['real-code', read('real-code')], ['notation', read('notation')]]) {
    const order = axes(text);
    assert.equal(order.length, 4, `${name}: ${order}`);
    assert.deepEqual(order.slice(1).map((a) => nchw.find((w) => a.includes(w))), nchw, `${name}: ${order}`);
    assert.match(text, /TensorFlow's default puts the (?:colour )?channel last/, name);
  }
  assert.match(read('digits-cnn'), /\$3 \\times 224 \\times 224\$ photo/, 'the course writes a colour photo channel first');
  // vectors-and-matrices lists the same four axes for its 32 photos, in the same order.
  assert.match(read('vectors-and-matrices'), /a batch of colour photos has four, example, colour channel, height and width \(PyTorch's order; TensorFlow puts the channel last\)/);
});
