// Claims of "Notation and glossary" about how the lessons write the error e_i. The page lists two
// signs: prediction minus label (the default) and, for the lessons its residual row links, label
// minus prediction. Every lesson that defines e_i (or e) must use the sign the page gives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const notation = fs.readFileSync(path.join(dir, 'notation.md'), 'utf8');
const rows = notation.split('\n').filter((l) => /^\| \$e(_i)?\$/.test(l));
const missRow = rows.find((r) => r.includes('\\hat y_i - y_i'));
const residualRow = rows.find((r) => r.includes('y_i - \\hat y_i'));
const linked = (row) => [...row.matchAll(/\]\(([a-z0-9-]+)\.html\)/g)].map((m) => m[1]);

// The sign of each definition "e_i = …" / "e = …" a lesson writes: 'miss' when it starts from the
// prediction (ŷ or w x), 'residual' when it starts from the label.
function definitions(slug) {
  const text = fs.readFileSync(path.join(dir, `${slug}.md`), 'utf8');
  const found = [];
  for (const m of text.matchAll(/(?<![A-Za-z\\])e(?:_i)?\s*(?:\\;)?=\s*(?:\\;)?\s*(\\hat y|w\s*x|y)/g)) {
    found.push(m[1] === 'y' ? 'residual' : 'miss');
  }
  return found;
}

test('the notation page lists both signs of the error, each with the lessons that use it', () => {
  assert.ok(missRow, 'a row for e, e_i as prediction minus label');
  assert.ok(residualRow, 'a row for e_i as label minus prediction');
  assert.deepEqual(linked(residualRow), ['regression-metrics', 'regression-models']);
  assert.deepEqual(linked(missRow), ['learning-loop', 'loss-functions', 'how-models-learn']);
});

test('every lesson that defines the error uses the sign the notation page gives it', () => {
  const slugs = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'notation.md').map((f) => f.slice(0, -3));
  const residualLessons = linked(residualRow);
  const defining = {};
  for (const slug of slugs) {
    const signs = definitions(slug);
    if (!signs.length) continue;
    defining[slug] = [...new Set(signs)];
    const expected = residualLessons.includes(slug) ? 'residual' : 'miss';
    assert.deepEqual(defining[slug], [expected], `${slug} writes ${signs.join(', ')}`);
  }
  // The check found the definitions it is meant to police.
  for (const slug of ['learning-loop', 'loss-functions', 'how-models-learn', 'regression-metrics', 'regression-models']) assert.ok(defining[slug], slug);
});

// Letters that some lessons use for a second thing. The page lists each second meaning in the
// letter's row with the lessons where it holds (as it does for e_i and γ), and each of those
// lessons really uses the letter that way.
const kernels = fs.readFileSync(path.join(dir, 'frontier-kernels.md'), 'utf8');
// The kernel feature map's letter, whichever the kernels lesson writes.
const kernelMap = /\\Phi\(x\)/.test(kernels) ? { row: /^\| \$\\Phi/, uses: /\\Phi\(x\)/ }
  : /\\boldsymbol\\?\{?\\?phi/.test(kernels) ? { row: /^\| \$\\boldsymbol\{?\\phi/, uses: /\\boldsymbol\{?\\phi/ }
    : { row: /^\| \$\\varphi\$/, uses: /\\varphi\(x\)/ };
const SECOND = [
  { what: 'eigenvalue', row: /^\| \$\\lambda\$/, lessons: ['vectors-and-matrices', 'svd'], uses: /\\lambda_1 = 3|\\lambda = 45/ },
  { what: 'naive Bayes smoothing', row: /^\| \$\\alpha\$/, lessons: ['text-to-numbers', 'sentiment'], uses: /smoothing/ },
  { what: 'label noise, tolerance, weighted error', row: /^\| \$\\varepsilon\$/, lessons: ['bias-variance', 'learning-curves', 'frontier-bias-variance', 'frontier-generalisation', 'frontier-boosting'], uses: /\\varepsilon/ },
  { what: 'failure probability', row: /^\| \$\\delta/, lessons: ['frontier-generalisation'], uses: /failure probability \$\\delta\$/ },
  { what: 'boosting edge', row: /^\| \$\\gamma\$/, lessons: ['frontier-boosting'], uses: /\\gamma_t > 0/ },
  { what: 'one example\'s log loss', row: /^\| \$\\ell/, lessons: ['loss-functions'], uses: /\\ell_i\$ is the cost of example/ },
  { what: 'covariance matrix', row: /^\| \$\\Sigma\$/, lessons: ['pca', 'tsne-vs-pca'], uses: /\$\\Sigma\$ is the covariance matrix/ },
  { what: 'Adam\'s step number', row: /^\| \$t\$/, lessons: ['optimizer-race'], uses: /\$t\$ is the step number/ },
  { what: 'number of tails', row: /^\| \$t\$/, lessons: ['likelihood-and-kl'], uses: /\$t\$ tails/ },
  { what: 'number of pulls', row: /^\| \$t\$/, lessons: ['explore-or-exploit'], uses: /\$t = 12\$ pulls/ },
  { what: 'time step', row: /^\| \$t\$/, lessons: ['time-series'], uses: /step \$t = 0, 1, 2/ },
  { what: 'one-hot entries', row: /^\| \$e_\{ik\}\$/, lessons: ['pipeline-leakage'], uses: /e_\{ik\} = 1/ },
  { what: 'hypothesis class', row: /^\| \$H\$/, lessons: ['frontier-generalisation'], uses: /h \\in H/ },
  { what: 'polynomial degree', row: /^\| \$d\$/, lessons: ['model-selection', 'learning-curves'], uses: /degree \$d\$/ },
  { what: 'number of held-out examples', row: /^\| \$m\$/, lessons: ['model-selection', 'learning-curves', 'central-limit'], uses: /\$m\$ (?:held-out|test points)/ },
  { what: 'DBSCAN min samples', row: /^\| \$m\$/, lessons: ['clustering-beyond-kmeans'], uses: /a count \$m\$ \(min samples\)/ },
  { what: 'number of categories', row: /^\| \$m\$/, lessons: ['pipeline-leakage'], uses: /c_1, \\dots, c_m\$, it replaces the column by \$m\$ new ones/ },
  { what: 'convolution kernel', row: /^\| \$K\$/, lessons: ['convolution-filters'], uses: /Here \$K\$ is the \$3 \\times 3\$ kernel/ },
  { what: 'matrix of keys', row: /^\| \$K\$/, lessons: ['attention-toy'], uses: /row \$j\$ of \$K\$ is token \$j\$'s \*\*key\*\*/ },
  { what: 'query and value matrices', row: /^\| \$Q\(s, a\)\$/, lessons: ['attention-toy'], uses: /row 3 of \$Q\$[\s\S]*row \$j\$ of \$V\$|row \$j\$ of \$V\$[\s\S]*row 3 of \$Q\$/ },
  { what: 'softmax temperature', row: /^\| \$T\$/, lessons: ['activation-functions'], uses: /\$T\$ is a temperature/ },
  { what: 'softmax temperature in generation', row: /^\| \$T\$/, lessons: ['sentiment'], says: /\[sentiment\]\(sentiment\.html\), the temperature of a softmax/, uses: /At temperature \$T = 0\.5\$/ },
  { what: 'kernel function K(a, b)', row: /^\| \$K\$/, lessons: ['frontier-kernels', 'hyperparameter-search'], says: /\$K\(a, b\)\$ is the kernel function: the inner product/, uses: /K\((?:a, b|\\mathbf\s*\{?a\}?, \\mathbf\s*\{?b\}?)\)/ },
  { what: 'number of rows of an m × n matrix', row: /^\| \$m\$/, lessons: ['svd'], says: /the number of rows of an \$m \\times n\$ matrix/, uses: /\$m \\times n\$ matrix/ },
  { what: 'number of points left in a leaf', row: /^\| \$m\$/, lessons: ['anomaly-detection'], says: /the number of points left in a leaf/, uses: /a leaf that still holds \$m\$ points/ },
  { what: 'candidate centre', row: /^\| \$m\$/, lessons: ['frontier-kmeans'], says: /any candidate centre \$m\$/, uses: /any point \$m\$[\s\S]*smallest at \$m = \\bar x\$/ },
  { what: 'number of boosting rounds', row: /^\| \$T\$/, lessons: ['frontier-boosting'], uses: /Apply the update \$T\$ times/ },
  { what: 'number of pulls', row: /^\| \$T\$/, lessons: ['explore-or-exploit'], uses: /after \$T\$ pulls/ },
  { what: 'residual in a round of boosting', row: /^\| \$e_i\$ \| e-i \| in \[regression metrics/, lessons: ['regression-models'], uses: /One round of boosting by hand[\s\S]*the residuals \$e_i = y_i - \\hat y_i\$/ },
  { what: 'kernel feature map', row: kernelMap.row, lessons: ['frontier-kernels'], uses: kernelMap.uses },
  ...(/\\alpha_i/.test(kernels) ? [{ what: 'SVM dual coefficients', row: /^\| \$\\alpha\$/, lessons: ['frontier-kernels'], uses: /\\alpha_i/ }] : []),
];

test('every second meaning of a letter is in its row, with the lessons where it holds', () => {
  const tableRows = notation.split('\n').filter((l) => l.startsWith('| $'));
  for (const { what, row, lessons, uses, says } of SECOND) {
    const found = tableRows.filter((l) => row.test(l));
    assert.ok(found.length, `a row for the ${what}`);
    if (says) assert.ok(found.some((l) => says.test(l)), `the row names the ${what}`);
    const links = found.flatMap((l) => [...l.matchAll(/\]\(([a-z0-9-]+)\.html[#)]/g)].map((m) => m[1]));
    for (const slug of lessons) {
      assert.ok(links.includes(slug), `the row for the ${what} names ${slug}`);
      assert.match(fs.readFileSync(path.join(dir, `${slug}.md`), 'utf8'), uses, `${slug} uses the letter for the ${what}`);
    }
  }
  // The page no longer promises one meaning per symbol everywhere.
  assert.doesNotMatch(notation, /stands for one thing only/);
  assert.doesNotMatch(notation.split('\n').find((l) => l.startsWith('summary:')), /its one meaning/);
  // No row calls a meaning the only one where a listed lesson uses the letter for another: m is
  // not Adam's "only", and the residual e_i holds for all of regression models, boosting included.
  assert.doesNotMatch(tableRows.find((l) => l.startsWith('| $m$')), /\bonly\b/);
  assert.doesNotMatch(residualRow, /\bonly\b/);
  assert.match(residualRow, /boosting/);
  // A lesson whose d is a degree says so where d first appears ("A line (degree $d = 1$)").
  for (const slug of ['model-selection', 'learning-curves']) {
    const body = fs.readFileSync(path.join(dir, `${slug}.md`), 'utf8').split(/^---$/m)[2];
    const first = /\$[^$]*?(?<![\\A-Za-z])d(?![A-Za-z])[^$]*\$/.exec(body);
    assert.ok(first, `${slug} uses d`);
    assert.match(body.slice(Math.max(0, first.index - 20), first.index), /degree\s*$/, `${slug}: d first appears as ${first[0]} without "degree"`);
  }
  // The sequence row sends a reader to the t row for what t counts when it is not a threshold.
  assert.match(tableRows.find((l) => l.startsWith('| $x_t$')), /unless the lesson says it counts something, as the \$t\$ row lists/);
});

// The glossary's central limit theorem needs a finite spread s: the mean of n draws from a
// population with no finite spread (the standard Cauchy) is spread as widely as one draw, for any
// n, while the mean of a finite-spread population (uniform) narrows like s/√n.
test('the central limit theorem holds only for a population with a finite spread', () => {
  const lesson = fs.readFileSync(path.join(dir, 'notation.md'), 'utf8');
  assert.match(lesson, /\*\*Central limit theorem\.\*\*[^\n]*whatever the shape of the population it is drawn from, as long as that population's spread \$s\$ is finite\. Some heavy-tailed populations have no finite spread, and the mean of their draws never settles into a normal curve\./);
  let seed = 12345;
  const uniform = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return (seed + 0.5) / 2147483648; };
  const cauchy = () => Math.tan(Math.PI * (uniform() - 0.5));
  const iqrOfMeans = (draw, n, reps = 4000) => {
    const means = Array.from({ length: reps }, () => { let t = 0; for (let i = 0; i < n; i++) t += draw(); return t / n; }).sort((a, b) => a - b);
    return means[Math.floor(0.75 * reps)] - means[Math.floor(0.25 * reps)];
  };
  const c1 = iqrOfMeans(cauchy, 1);
  const c50 = iqrOfMeans(cauchy, 50);
  assert.ok(Math.abs(c1 - 2) < 0.3 && Math.abs(c50 - 2) < 0.3, `Cauchy: the middle half of the means spans ${c1} for n = 1 and ${c50} for n = 50 (2 for any n)`);
  // Four times as many draws halve the spread of the mean (s/√n).
  const u10 = iqrOfMeans(uniform, 10);
  const u40 = iqrOfMeans(uniform, 40);
  assert.ok(Math.abs(u10 / u40 - 2) < 0.2, `uniform: 4× the draws narrow the means by ${u10 / u40}, about 2`);
});
