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
  { what: 'kernel feature map', row: kernelMap.row, lessons: ['frontier-kernels'], uses: kernelMap.uses },
  ...(/\\alpha_i/.test(kernels) ? [{ what: 'SVM dual coefficients', row: /^\| \$\\alpha\$/, lessons: ['frontier-kernels'], uses: /\\alpha_i/ }] : []),
];

test('every second meaning of a letter is in its row, with the lessons where it holds', () => {
  const tableRows = notation.split('\n').filter((l) => l.startsWith('| $'));
  for (const { what, row, lessons, uses } of SECOND) {
    const found = tableRows.filter((l) => row.test(l));
    assert.ok(found.length, `a row for the ${what}`);
    const links = found.flatMap((l) => [...l.matchAll(/\]\(([a-z0-9-]+)\.html[#)]/g)].map((m) => m[1]));
    for (const slug of lessons) {
      assert.ok(links.includes(slug), `the row for the ${what} names ${slug}`);
      assert.match(fs.readFileSync(path.join(dir, `${slug}.md`), 'utf8'), uses, `${slug} uses the letter for the ${what}`);
    }
  }
  // The page no longer promises one meaning per symbol everywhere.
  assert.doesNotMatch(notation, /stands for one thing only/);
  assert.doesNotMatch(notation.split('\n').find((l) => l.startsWith('summary:')), /its one meaning/);
  // The sequence row sends a reader to the t row for what t counts when it is not a threshold.
  assert.match(tableRows.find((l) => l.startsWith('| $x_t$')), /unless the lesson says it counts something, as the \$t\$ row lists/);
});
