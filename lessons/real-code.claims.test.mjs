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
  assert.deepEqual(headings, [1, 2, 3, 4, 5]);
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
