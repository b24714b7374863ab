// Own data wherever points are drawn (issue 17 §3) and the learner's edits in Share links (§2):
// every point widget imports a small CSV through its file chooser, shows the engine's numbers for
// exactly those points, exports what it shows, refuses bad files in words without changing, and
// a Share link restores the imported points and the edits (a line, centroids, steps) exactly.
// Expected numbers come from the engine in Node on the same points (or by hand, as noted).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PLAY_TIMEOUT, screenshot, startSite, afterNextFrame } from './browser.mjs';
import { ml } from '../node/engine.mjs';
import { formatNumber, formatPercent } from '../../web/lib/format.js';
import { pointsToCsv } from '../../web/lib/points-csv.js';
import { boxAround } from '../../web/lib/datasets.js';
import { REGRESSION_SEED, OUTLIER_DEFAULT, regressionScene, scaleColumn } from '../../web/widgets/comparison/data.js';
import { MODELS, RACE_DEFAULTS, defaultSettings, fitOne, ownRaceData, ranking } from '../../web/widgets/regression-race/data.js';
import { messages as raceMessages } from '../../web/widgets/regression-race/messages.js';
import { coverageText, createGan } from '../../web/widgets/gan-lab/model.js';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const lines = (rows) => `${rows.map((r) => r.join(',')).join('\n')}\n`;
const flat = (rows, dims = 2) => rows.flatMap((r) => r.slice(0, dims));
const labelsOf = (rows, dims = 2) => rows.map((r) => r[dims]);
// A widget's extra state as a Share link writes it (base64url of its JSON).
const enc = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const setState = (page, value) => page.evaluate((t) => document.getElementById('widget').dwHandle.update({ state: t }), enc(value));

// Opens one widget alone (embed.html) and waits for its engine; returns the page.
async function open(name, query = '', { width = 1280, reducedMotion = 'reduce' } = {}) {
  const page = await site.newPage({ width, reducedMotion });
  await page.goto(`${site.base}/embed.html?w=${name}${query}`);
  await page.waitForFunction(() => document.getElementById('widget')?.dwHandle, null, { timeout: PLAY_TIMEOUT });
  await page.evaluate(() => document.getElementById('widget').dwHandle.ready);
  return page;
}
const handle = (page) => page.evaluate(() => { const h = document.getElementById('widget').dwHandle; return { options: h.options, state: h.state }; });
const message = (page) => page.locator('#widget .dw-message').first().textContent();
const notes = (page) => page.locator('#widget .dw-notes').first().textContent();
const stat = (page, label) => page.locator(`#widget .dw-stat[data-stat="${label}"] .dw-stat-value`).first().textContent();

async function importCsv(page, text, name = 'points.csv') {
  const before = await message(page);
  await page.locator('#widget .dw-csv input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
  await page.waitForFunction((b) => { const t = document.querySelector('#widget .dw-message').textContent; return t !== b && /Nothing was imported|Imported/.test(t); }, before);
  await afterNextFrame(page);
  return message(page);
}

async function exportCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#widget .dw-csv').getByRole('button', { name: 'Export CSV' }).click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

// Opens the widget's own Share link in a fresh page: the state comes back exactly, with no note.
async function roundTrip(page) {
  const link = await page.evaluate(() => document.getElementById('widget').dwHandle.share().link);
  const { state } = await handle(page);
  const again = await site.newPage({ width: 1000, reducedMotion: 'reduce' });
  // Restoring is not something the learner did: no score may be reported for it.
  await again.addInitScript(() => { window.dwScores = 0; for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, () => { window.dwScores += 1; }); });
  await again.goto(link);
  await again.waitForFunction(() => document.getElementById('widget')?.dwHandle, null, { timeout: PLAY_TIMEOUT });
  await again.evaluate(() => document.getElementById('widget').dwHandle.ready);
  assert.deepEqual((await handle(again)).state, state);
  assert.equal(await notes(again), '');
  assert.equal(await again.evaluate(() => window.dwScores), 0);
  return again;
}

// Bad files every widget must refuse in words, staying as it was.
const BAD = [
  ['empty.csv', '', /Nothing was imported: The file is empty/],
  ['nan.csv', 'x1,x2,label\nNaN,1,0\nx,y,1\n', /Nothing was imported: No point could be read: 2 lines skipped: line 2 (has a value that is not a number|has 3 values)/],
  ['huge.csv', Buffer.alloc(2.1e6, '1,'), /Nothing was imported: The file is 2\u202f051 KB; at most 1\u202f953 KB can be read/],
  ['junk.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]), /Nothing was imported: The file is not text/],
  ['many.csv', lines(Array.from({ length: 3000 }, (_, i) => [(i % 50) / 10, Math.floor(i / 50) / 20, i % 2, i % 2])), /Nothing was imported: .*(at most [\d\u202f]+ can be used here|lines? skipped)/],
];
async function refusesBadFiles(page, extra = []) {
  const start = await handle(page);
  for (const [name, body, expected] of [...BAD, ...extra]) {
    const text = await importCsv(page, body, name);
    assert.match(text, expected, name);
    assert.deepEqual(await handle(page), start, `${name} changed the widget`);
  }
}

// ---- fit-line: (x, y) columns; the best possible MSE is the engine's least squares ----
test('fit-line imports (x, y) points, scores the line against them, exports them, restores them by link', async () => {
  const rows = [[1, 2], [2, 4.5], [3, 5.5], [4, 8.5], [6, 11], [8, 17]];
  const page = await open('fit-line');
  await refusesBadFiles(page, [['one-column.csv', '1\n2\n3\n', /Nothing was imported: No point could be read: 3 lines skipped: line 1 has 1 value, x and a value are needed/]]);
  const text = await importCsv(page, `x,y\n${lines(rows)}12,3\n`);
  assert.equal(text, 'Imported 6 points with values. 1 line skipped: line 8: the value 12 lies outside 0 … 10.');
  const expected = ml.scoped((track) => {
    const m = track(new ml.LinearRegression());
    m.setData(rows.map((r) => r[0]), 1, rows.map((r) => r[1]));
    m.setParams(m.closedForm());
    return m.loss();
  });
  assert.equal(await stat(page, 'best possible'), formatNumber(expected, 3));
  assert.match(await page.locator('#widget canvas').first().getAttribute('aria-label'), /^Scatter plot of 6 points/);
  const file = await exportCsv(page);
  assert.equal(file.name, 'fit-line-points.csv');
  assert.equal(file.text, `x,y\n${lines(rows)}`);
  await setState(page, { w: 1, b: 0, p: [1, 2], l: [2, 2] });
  const { state } = await handle(page);
  assert.deepEqual(state.p, [1, 2]);
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'best possible'), formatNumber(0, 3));
  await again.close();
  await page.close();
});

// ---- files as pandas and Windows Excel write them: the index column left out, Windows-1252 decoded, each said ----
test('fit-line reads a pandas to_csv file without its index column; knn reads a Windows-1252 file from Excel', async () => {
  const rows = [[1.5, 2.5], [-1, 3], [2, 2], [4, 6.5], [7.25, 1]].filter(([x]) => x >= 0);
  const page = await open('fit-line');
  const text = await importCsv(page, `,x,y\n${rows.map((r, i) => `${i},${r.join(',')}`).join('\n')}\n`, 'p.csv');
  assert.equal(text, 'Imported 4 points with values. The first column, with no name in the header and holding the row numbers 0 to 3 in order, was read as a row index (as pandas writes it) and left out.');
  assert.deepEqual((await handle(page)).state.p, rows.map((r) => r[0]));
  assert.deepEqual((await handle(page)).state.l, rows.map((r) => r[1]));
  assert.equal((await exportCsv(page)).text, `x,y\n${lines(rows)}`);
  await page.close();
  const knn = await open('knn-vote');
  const body = Array.from({ length: 20 }, (_, i) => `${i % 5},5;${Math.floor(i / 5)},25;${i % 2}`).join('\r\n');
  const said = await importCsv(knn, Buffer.from(`Größe (m²);Länge (m);Klasse\r\n${body}\r\n`, 'latin1'), 'excel.csv');
  assert.match(said, /^Imported 20 points in 2 classes\. .*The file is not UTF-8, so it was read as Windows text \(Windows-1252, what Excel on Windows writes\)\.$/);
  assert.equal((await handle(knn)).state.p.length, 40);
  await knn.close();
});

// ---- draw-boundary: two classes, labels −1/1 mapped; the learner's line is shared ----
test('draw-boundary maps labels −1/1 to classes, scores a shared line on the imported points, refuses damaged state', async () => {
  const rows = [[-2, 0, -1], [-1.5, 1, -1], [-1, -1, -1], [1, 0, 1], [1.5, 1, 1], [2, -1, 1], [-0.5, 0.2, 1], [0.5, -0.2, -1]];
  const page = await open('draw-boundary');
  await refusesBadFiles(page, [['three.csv', lines([[0, 0, 0], [1, 1, 1], [2, 2, 2]]), /Nothing was imported: The file has 3 different labels \(0, 1, 2\); this widget shows at most 2 classes/]]);
  assert.equal(await importCsv(page, lines(rows)), 'Imported 8 points in 2 classes. Labels -1, 1 were read as classes 0, 1.');
  // A vertical line x = 0: six of eight points on their own side (by hand: the two near the middle are not).
  await setState(page, { e: [[0, -2], [0, 2]], p: [], l: [] });
  assert.match(await notes(page), /The saved state could not be used \(the points must be a list/);
  const { state: s0 } = await handle(page);
  const p = flat(rows);
  const l = labelsOf(rows).map((v) => (v === 1 ? 1 : 0));
  assert.deepEqual(s0.p, p);
  await setState(page, { e: [[0, -2], [0, 2]], p, l });
  assert.equal(await stat(page, 'accuracy'), formatPercent(6 / 8, 1));
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'accuracy'), formatPercent(6 / 8, 1));
  await again.close();
  const file = await exportCsv(page);
  assert.equal(file.text, pointsToCsv(Float64Array.from(p), Float64Array.from(l)));
  await page.close();
});

// ---- place-centroids: positions only; the elbow is the engine's on these points ----
test('place-centroids imports positions (a label column ignored with a note); k-means++ best is the engine\'s; centroids and points round-trip', async () => {
  const rows = [];
  for (let i = 0; i < 12; i++) rows.push([(i % 3) * 0.3 + (i < 6 ? -3 : 3), Math.floor(i / 3) * 0.25 + (i % 2 ? 2 : -2), 7]);
  const page = await open('place-centroids');
  await refusesBadFiles(page, [['few.csv', lines([[0, 0], [1, 1]]), /Nothing was imported: The file holds 2 usable points; at least 8 are needed/]]);
  assert.equal(await importCsv(page, lines(rows)), 'Imported 12 points. The third column was ignored: this widget uses the positions only.');
  const elbow = ml.scoped((track) => {
    const km = track(new ml.KMeans());
    km.setData(flat(rows), 2, []);
    km.setRestarts(4);
    km.reset(11);
    return km.elbowCurve(8);
  });
  assert.equal(await stat(page, 'k-means++ best'), formatNumber(elbow[3], 2));
  await setState(page, { c: [[-3, -2], [3, 2], [-3, 2], [3, -2]] });
  const { state } = await handle(page);
  assert.deepEqual(state.p, flat(rows));
  const again = await roundTrip(page);
  await again.close();
  const file = await exportCsv(page);
  assert.equal(file.text.split('\n')[0], 'x1,x2');
  assert.equal(file.text, pointsToCsv(Float64Array.from(flat(rows))));
  await page.close();
});

// ---- kmeans-convergence: points on its square plot; the start inertia is the engine's ----
test('kmeans-convergence imports positions, skips points off its plot with a note, starts from the engine\'s inertia', async () => {
  const rows = [[-2, -2], [-2.2, -1.8], [2, 2], [2.1, 1.9], [-2, 2], [-1.9, 2.2], [2, -2], [2.2, -2.1], [9, 9]];
  const page = await open('kmeans-convergence');
  await refusesBadFiles(page);
  const text = await importCsv(page, lines(rows));
  assert.equal(text, 'Imported 8 points. 1 line skipped: line 9: the point (9, 9) lies outside the plot (x from -4.5 to 4.5, y from -4.5 to 4.5).');
  const inertia = ml.scoped((track) => {
    const km = track(new ml.KMeans());
    km.setData(flat(rows.slice(0, 8)), 2, []);
    km.setK(4); km.setInit('random'); km.reset(5);
    return km.inertia();
  });
  assert.equal(await stat(page, 'inertia'), formatNumber(inertia, 3));
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'inertia'), formatNumber(inertia, 3));
  await again.close();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const file = await exportCsv(page);
  assert.equal(file.text.split('\n')[0], 'x1,x2,cluster');
  assert.equal(file.text.trim().split('\n').length, 9);
  await page.close();
});

// ---- dbscan-vs-kmeans: by hand, two tight groups and one far point: 2 clusters, 1 noise ----
test('dbscan-vs-kmeans clusters imported points: two tight groups and a stray point give 2 clusters and 1 noise point', async () => {
  const rows = [];
  for (let i = 0; i < 6; i++) rows.push([0.05 * i, 0.03 * i], [5 + 0.05 * i, 5 - 0.03 * i]);
  rows.push([2.5, -3]);
  const page = await open('dbscan-vs-kmeans');
  await refusesBadFiles(page);
  assert.equal(await importCsv(page, `a;b\n${rows.map((r) => r.join(';')).join('\n')}`), 'Imported 13 points.');
  assert.equal(await stat(page, 'DBSCAN clusters'), '2');
  assert.equal(await stat(page, 'noise points'), '1');
  await page.locator('#widget').getByRole('button', { name: 'Reset' }).click();
  assert.match(await message(page), /^DBSCAN found 2 clusters and 1 noise point in your points with ε = 0\.20 and min samples m = 5\.$/);
  const file = await exportCsv(page);
  assert.equal(file.text.split('\n')[0], 'x1,x2,dbscan_cluster');
  assert.equal(file.text.trim().split('\n').pop(), '2.5,-3,-1');
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'noise points'), '1');
  await again.close();
  await page.close();
});

// ---- pca-projection: the explained variance is the engine's on these points; the angle is shared ----
test('pca-projection imports a cloud, shows the engine\'s PC1 share, and a link restores the cloud and the line\'s angle', async () => {
  const rows = [[-4, -2.1], [-2, -0.9], [0, 0.2], [2, 1.1], [4, 1.8], [1, -0.5], [-1, 0.4]];
  const page = await open('pca-projection');
  await refusesBadFiles(page);
  assert.equal(await importCsv(page, lines(rows)), 'Imported 7 points.');
  const ratio = ml.scoped((track) => { const p = track(new ml.PCA()); p.setData(flat(rows), 2, []); return p.explainedVarianceRatio()[0]; });
  assert.equal(await stat(page, 'PC1 holds'), formatPercent(ratio, 1));
  await page.locator('#widget input[type="range"]').first().fill('30');
  const { state } = await handle(page);
  assert.equal(state.a, 30);
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'PC1 holds'), formatPercent(ratio, 1));
  await again.close();
  const file = await exportCsv(page);
  assert.equal(file.text.split('\n')[0], 'x1,x2,projection');
  await page.close();
});

// ---- knn-vote: the votes at the query point are the engine's on these points ----
test('knn-vote imports two classes labelled 1 and 2 and votes with the engine at the query point', async () => {
  const rows = [[0, 0, 1], [0.2, 0.1, 1], [0.1, 0.3, 1], [1, 1, 2], [0.9, 1.1, 2], [1.2, 0.8, 2], [0.45, 0.5, 2]];
  const page = await open('knn-vote');
  await refusesBadFiles(page);
  assert.equal(await importCsv(page, lines(rows)), 'Imported 7 points in 2 classes. Labels 1, 2 were read as classes 0, 1.');
  assert.equal(await page.locator('#widget').getByLabel('data').inputValue(), 'own'); // the menu names no built-in set
  // The query starts at the centre of the plotted box.
  const box = boxAround(flat(rows), rows.length);
  const votes = ml.scoped((track) => {
    const knn = track(new ml.KNearestNeighbors());
    knn.setData(flat(rows), 2, labelsOf(rows).map((v) => v - 1));
    knn.setK(5); knn.step();
    return [...knn.votes([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2])];
  });
  assert.equal(await stat(page, 'votes ▲ orange'), formatNumber(votes[0], 0));
  assert.equal(await stat(page, 'votes ● blue'), formatNumber(votes[1], 0));
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'votes ● blue'), formatNumber(votes[1], 0));
  await again.close();
  const file = await exportCsv(page);
  assert.equal(file.text, pointsToCsv(Float64Array.from(flat(rows)), Float64Array.from(labelsOf(rows), (v) => v - 1)));
  await page.close();
});

// ---- widen-the-street: by hand, a vertical street between x = ±1 is 2 wide ----
test('widen-the-street imports two classes; a shared vertical street between them measures 2 (by hand)', async () => {
  const rows = [[-1, 0, 0], [-2, 1, 0], [-1.5, -1, 0], [1, 0, 1], [2, -1, 1], [1.5, 1, 1]];
  const page = await open('widen-the-street');
  await refusesBadFiles(page);
  assert.equal(await importCsv(page, lines(rows)), 'Imported 6 points in 2 classes.');
  const p = flat(rows);
  await setState(page, { a: 90, o: 0, p, l: labelsOf(rows) });
  assert.equal(await stat(page, 'wrong side'), '0');
  assert.equal(await stat(page, 'line\'s margin'), formatNumber(2, 3));
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'line\'s margin'), formatNumber(2, 3));
  await again.close();
  await page.close();
});

// ---- kernel-svm: training accuracy and support vectors are the engine's ----
test('kernel-svm trains on imported points: accuracy and support vectors match the engine\'s', async () => {
  const rows = [];
  for (let i = 0; i < 12; i++) { const a = (i / 12) * 2 * Math.PI; rows.push([Math.cos(a) * 0.3, Math.sin(a) * 0.3, 0], [Math.cos(a) * 1.2, Math.sin(a) * 1.2, 1]); }
  const page = await open('kernel-svm');
  await refusesBadFiles(page);
  assert.equal(await importCsv(page, lines(rows)), 'Imported 24 points in 2 classes.');
  const expected = ml.scoped((track) => {
    const svm = track(new ml.KernelSVM());
    svm.setData(flat(rows), 2, labelsOf(rows));
    svm.setKernel('rbf'); svm.setGamma(1); svm.setDegree(2); svm.setCoef0(0); svm.setC(1); svm.reset(0);
    svm.fit(400);
    return { acc: svm.score(flat(rows), labelsOf(rows)), sv: svm.supportVectors().length };
  });
  assert.equal(await stat(page, 'support vectors'), `${expected.sv} of 24`);
  assert.equal(await stat(page, 'training accuracy'), `${formatNumber(expected.acc * 100, 1)}%`);
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'support vectors'), `${expected.sv} of 24`);
  await again.close();
  await page.close();
});

// ---- tree-splits: a seeded 30 % of the imported points are held out; purity and test accuracy are the engine's ----
test('tree-splits holds out a seeded 30 % of imported points and grows the engine\'s tree on the rest', async () => {
  const rows = [];
  for (let i = 0; i < 20; i++) rows.push([(i % 5) - 2, Math.floor(i / 5) - 1.5, (i % 5) + Math.floor(i / 5) > 4 ? 1 : 0]);
  const page = await open('tree-splits');
  await refusesBadFiles(page);
  assert.equal(await importCsv(page, lines(rows)), 'Imported 20 points in 2 classes.');
  const expected = ml.scoped((track) => {
    const s = ml.trainValidationTestSplit(20, 0.3, 0, 4, false);
    const pick = (idx) => ({ X: [...idx].flatMap((r) => rows[r].slice(0, 2)), y: [...idx].map((r) => rows[r][2]) });
    const train = pick(s.train); const test = pick(s.validation);
    const t = track(new ml.DecisionTree());
    t.setData(train.X, 2, train.y); t.setCriterion('gini'); t.setMaxDepth(3); t.reset(4); t.fit(100000);
    return { purity: t.score(train.X, train.y), test: t.score(test.X, test.y), split: [...s.validation] };
  });
  assert.equal(await stat(page, 'purity'), formatPercent(expected.purity, 1));
  assert.equal(await stat(page, 'test accuracy'), formatPercent(expected.test, 1));
  const file = await exportCsv(page);
  const out = file.text.trim().split('\n');
  assert.equal(out[0], 'x1,x2,label,split');
  assert.deepEqual(out.slice(1).flatMap((line, i) => (line.endsWith(',test') ? [i] : [])), expected.split.sort((a, b) => a - b));
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'test accuracy'), formatPercent(expected.test, 1));
  await again.close();
  await page.close();
});

// ---- adaboost-rounds: the first stump's weighted error is the engine's ----
test('adaboost-rounds boosts on imported points: the first stump\'s error and the exported weights are the engine\'s', async () => {
  const rows = [[0, 0, 0], [1, 0, 1], [0, 1, 1], [1, 1, 0], [0.2, 0.1, 0], [0.9, 0.2, 1], [0.1, 0.8, 1], [0.8, 0.9, 0]];
  const page = await open('adaboost-rounds');
  await refusesBadFiles(page);
  assert.equal(await importCsv(page, lines(rows)), 'Imported 8 points in 2 classes.');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const expected = ml.scoped((track) => {
    const a = track(new ml.AdaBoost());
    a.setData(flat(rows), 2, labelsOf(rows)); a.setEstimatorCount(40); a.setLearningRate(1); a.reset(3);
    a.step();
    return { eps: a.errors()[0], w: [...a.sampleWeights()] };
  });
  assert.equal(await stat(page, 'ε (stump)'), formatNumber(expected.eps, 3));
  const file = await exportCsv(page);
  const weights = file.text.trim().split('\n').slice(1).map((line) => Number(line.split(',')[3]));
  weights.forEach((w, i) => assert.ok(Math.abs(w - expected.w[i]) < 1e-5));
  const again = await roundTrip(page);
  await again.close();
  await page.close();
});

// ---- kmeans-by-hand: one column on a number line; by hand, centroids 2 and 4 move to 0.5 and 10.5 ----
test('kmeans-by-hand imports a column of positions; the steps taken and the points are restored by link', async () => {
  const page = await open('kmeans-by-hand');
  await refusesBadFiles(page, [['far.csv', 'x\n0\n99\n', /Nothing was imported: The file holds 1 usable point; at least 2 are needed\. 1 line skipped: line 3: the value 99 lies outside -20 … 40/]]);
  assert.equal(await importCsv(page, 'x\n0\n1\n10\n11\n'), 'Imported 4 points.');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  assert.equal(await stat(page, 'c₁'), formatNumber(0.5, 2));
  assert.equal(await stat(page, 'c₂'), formatNumber(10.5, 2));
  assert.deepEqual((await handle(page)).state, { p: [0, 1, 10, 11], c: [2, 4], s: 2 });
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'c₂'), formatNumber(10.5, 2));
  await again.close();
  const file = await exportCsv(page);
  assert.equal(file.text, 'x\n0\n1\n10\n11\n');
  await setState(page, { c: [2, 4], s: -1 });
  assert.match(await notes(page), /the number of steps must be a whole number from 0 to 60/);
  await page.close();
});

// ---- nn-playground: the shared rules, strictly; labels −1/1 mapped with a note ----
test('nn-playground reads CSV with the shared rules: labels −1/1 become classes with a note; a bad line refuses the file', async () => {
  const page = await open('nn-playground');
  const input = page.locator('#widget .nnp-data input[type="file"]');
  await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,label\n1,2,0\n3,oops,1\n4\n') });
  await page.waitForFunction(() => /could not be used/.test(document.querySelector('#widget .dw-message').textContent));
  const rows = Array.from({ length: 12 }, (_, i) => [(i % 4) - 2, Math.floor(i / 4) - 1, i % 2 ? 1 : -1]);
  await input.setInputFiles({ name: 'pm.csv', mimeType: 'text/csv', buffer: Buffer.from(lines(rows)) });
  await page.waitForFunction(() => /Imported 12 points/.test(document.querySelector('#widget .dw-message').textContent));
  assert.match(await message(page), /^Imported 12 points \(2 classes\)\. Labels -1, 1 were read as classes 0, 1\.$/);
  assert.equal(await page.getByLabel('Data set').inputValue(), 'custom');
  await page.close();
});

// ---- gd-walkthrough: the steps taken and the sliders' settings are restored by link ----
test('gd-walkthrough: a Share link restores the sliders and the steps taken, with the engine\'s w and loss', async () => {
  const page = await open('gd-walkthrough');
  await page.getByLabel('learning rate η').fill('0.3');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByRole('button', { name: 'Next phase' }).click();
  assert.deepEqual((await handle(page)).state, { s: 3, ph: 0 });
  const w = await stat(page, 'w');
  const again = await roundTrip(page);
  assert.equal((await handle(again)).options.eta, 0.3);
  assert.equal(await stat(again, 'w'), w);
  await again.close();
  await setState(page, { s: 3, ph: 9 });
  assert.match(await notes(page), /The saved state could not be used \(the training position needs a whole number of steps from 0 to 500 and a phase from −1 to 3\)/);
  await page.close();
});

test('the CSV controls wrap on a phone: no horizontal scroll at 375 px', async () => {
  for (const name of ['fit-line', 'draw-boundary', 'knn-vote']) {
    const page = await open(name, '', { width: 375 });
    await importCsv(page, name === 'fit-line' ? 'x,y\n1,2\n2,3\n3,5\n' : lines([[0, 0, 0], [1, 1, 1], [0.2, 0.1, 0], [0.9, 0.8, 1]]));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} scrolls sideways at 375 px`);
    await screenshot(page, `points-csv-${name}-375`);
    await page.close();
    const wide = await open(name, '', { width: 1280 });
    await screenshot(wide, `points-csv-${name}-1280`);
    await wide.close();
  }
});

// ---- build-dataset: houses as rows of seven columns and a price; the chosen columns are shared ----
test('build-dataset imports houses, fits the engine on the chosen columns, and a link restores rows and columns without reporting a score', async () => {
  const rows = [];
  for (let i = 0; i < 40; i++) {
    const size = 50 + ((i * 37) % 150);
    const feats = [size, 1 + (i % 5), (i * 7) % 60, ((i * 13) % 30) / 2, 36 + (i % 10), i % 8, (i * 101) % 997];
    rows.push([...feats, 2 * size + 10 * feats[1] + ((i * 17) % 11)]);
  }
  const page = await open('build-dataset');
  await refusesBadFiles(page, [['short.csv', lines(rows.map((r) => r.slice(0, 3))), /Nothing was imported: No point could be read: 40 lines skipped: line 1 has 3 values, 7 features and a value are needed/]]);
  const header = 'size,beds,age,distance,shoe_size,colour_code,random_id,price';
  assert.equal(await importCsv(page, `${header}\n${lines(rows)}`), 'Imported 40 points with values.');
  await page.locator('#widget .build-dataset-toggle[data-column="0"]').click();
  const expected = ml.scoped((track) => {
    const s = ml.trainValidationTestSplit(40, 0.4, 0, 51, false);
    const pick = (idx) => ({ X: [...idx].map((r) => rows[r][0]), y: [...idx].map((r) => rows[r][7]) });
    const train = pick(s.train); const val = pick(s.validation);
    const m = track(new ml.LinearRegression());
    m.setData(train.X, 1, train.y); m.setParams(m.closedForm());
    return m.score(val.X, val.y);
  });
  assert.equal(await stat(page, 'validation R²'), formatNumber(expected, 3));
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'validation R²'), formatNumber(expected, 3));
  await again.close();
  const file = await exportCsv(page);
  const out = file.text.trim().split('\n');
  assert.equal(out[0], `${header},split`);
  assert.equal(out.length, 41);
  assert.equal(out[1].split(',').slice(0, 8).join(','), rows[0].join(','));
  await page.close();
});

// ---- train-vs-test: imported points are split half and half the seeded, stratified way; both accuracies are the engine's ----
test('train-vs-test splits imported points as it splits the moons; train and test accuracy are the engine\'s; a link restores points and flexibility', async () => {
  const rows = [];
  for (let i = 0; i < 24; i++) { const x = (i % 6) - 2.5; const y = Math.floor(i / 6) - 1.5; rows.push([x, y, (x + 0.7 * y > 0) !== (i % 7 === 3) ? 1 : 0]); }
  const page = await open('train-vs-test');
  await refusesBadFiles(page, [
    ['one-class.csv', lines(rows.map((r) => [r[0], r[1], 5])), /Nothing was imported: Every point has the label 5; at least two classes are needed/],
    ['few.csv', lines(rows.slice(0, 6)), /Nothing was imported: The file holds 6 usable points; at least 10 are needed/],
  ]);
  assert.equal(await importCsv(page, `x1,x2,label\n${lines(rows)}`), 'Imported 24 points in 2 classes.');
  // The widget's own split (seed 2, half the points hidden, stratified by class) and the engine's tree.
  const split = ml.trainValidationTestSplit(labelsOf(rows), 0, 0.5, 2, true);
  const pick = (idx) => ({ X: [...idx].flatMap((r) => rows[r].slice(0, 2)), y: [...idx].map((r) => rows[r][2]) });
  const train = pick(split.train); const hidden = pick(split.test);
  const scores = (depth) => ml.scoped((track) => {
    const t = track(new ml.DecisionTree());
    t.setMaxDepth(depth); t.setData(train.X, 2, train.y); t.fit(100000);
    return [t.score(train.X, train.y), t.score(hidden.X, hidden.y)];
  });
  const [train3, test3] = scores(3); // flexibility 3 is depth 3
  assert.equal(await stat(page, 'train'), formatPercent(train3, 1));
  assert.equal(await stat(page, 'test'), formatPercent(test3, 1));
  const file = await exportCsv(page);
  assert.equal(file.name, 'train-vs-test-points.csv');
  const out = file.text.trim().split('\n');
  assert.equal(out[0], 'x1,x2,label,split');
  assert.deepEqual(out.slice(1).map((line) => line.split(',').slice(0, 3).map(Number)), rows);
  assert.deepEqual(out.slice(1).flatMap((line, i) => (line.endsWith(',test') ? [i] : [])), [...split.test].sort((a, b) => a - b));
  // The exported file comes back in split the same way (its split column is ignored with a note).
  assert.equal(await importCsv(page, file.text), 'Imported 24 points in 2 classes. Columns after the label were ignored.');
  assert.equal(await stat(page, 'test'), formatPercent(test3, 1));
  await page.locator('#widget input[type="range"]').first().fill('2'); // the flexibility slider
  const [, test2] = scores(2);
  assert.equal(await stat(page, 'test'), formatPercent(test2, 1));
  const again = await roundTrip(page);
  assert.equal((await handle(again)).options.flexibility, 2);
  assert.equal(await stat(again, 'test'), formatPercent(test2, 1));
  await again.close();
  // An option that makes the moons replaces imported points; a damaged link is refused in words.
  await page.evaluate(() => document.getElementById('widget').dwHandle.update({ noise: 0.4 }));
  assert.equal((await handle(page)).state, null);
  await setState(page, { p: [0, 0, 1], l: [0] });
  assert.match(await notes(page), /The saved state could not be used \(the points must be a list of at most 1\u202f000 positions of 2 numbers\)/);
  await page.close();
});

// ---- bagging: a seeded, stratified 30 % of the imported points is held out; every voter's scores are the engine's ----
test('bagging holds out a seeded 30 % of imported points; the crowd\'s test and out-of-bag scores are the engine\'s; a link restores the points', async () => {
  const rows = [];
  for (let i = 0; i < 30; i++) { const a = i * 2.399; const r = 0.3 + (i % 5) * 0.35; rows.push([Number((r * Math.cos(a)).toFixed(3)), Number((r * Math.sin(a)).toFixed(3)), (i % 5 >= 3) !== (i % 11 === 4) ? 2 : 1]); }
  const page = await open('bagging');
  await refusesBadFiles(page, [['three.csv', lines(rows.map((r, i) => [r[0], r[1], i % 3])), /Nothing was imported: The file has 3 different labels \(0, 1, 2\); this widget shows at most 2 classes/]]);
  assert.equal(await importCsv(page, lines(rows)), 'Imported 30 points in 2 classes. Labels 1, 2 were read as classes 0, 1.');
  assert.equal(await page.locator('#widget').getByLabel('data').inputValue(), 'own'); // the menu names no built-in set
  const labels = labelsOf(rows).map((v) => v - 1);
  const split = ml.trainValidationTestSplit(labels, 0, 0.3, 7, true);
  const pick = (idx) => ({ X: [...idx].flatMap((r) => rows[r].slice(0, 2)), y: [...idx].map((r) => labels[r]) });
  const train = pick(split.train); const hidden = pick(split.test);
  const expected = ml.scoped((track) => {
    const f = track(new ml.RandomForest());
    f.setData(train.X, 2, train.y); f.setMaxDepth(6); f.setMaxFeatures('all'); f.setTreeCount(60); f.reset(7);
    return [1, 2, 3].map(() => { f.step(); return { test: f.score(hidden.X, hidden.y), oob: f.oobScore() }; });
  });
  const add = () => page.locator('#widget').getByRole('button', { name: 'Add voter' }).click();
  for (let i = 0; i < 3; i++) await add();
  assert.equal(await stat(page, 'voters'), '3');
  assert.equal(await stat(page, '1 voter'), formatPercent(expected[0].test, 1));
  assert.equal(await stat(page, 'test accuracy'), formatPercent(expected[2].test, 1));
  assert.equal(await stat(page, 'out-of-bag'), formatPercent(expected[2].oob, 1));
  const said = await message(page);
  assert.ok(said.startsWith(`3 voters: the crowd scores ${formatPercent(expected[2].test, 1)} on the ${split.test.length} held-out points, `), said);
  const file = await exportCsv(page);
  assert.equal(file.name, 'bagging-points.csv');
  const out = file.text.trim().split('\n');
  assert.equal(out[0], 'x1,x2,label,split');
  assert.deepEqual(out.slice(1).flatMap((line, i) => (line.endsWith(',test') ? [i] : [])), [...split.test].sort((a, b) => a - b));
  const again = await roundTrip(page);
  await again.locator('#widget').getByRole('button', { name: 'Add voter' }).click();
  assert.equal(await stat(again, 'test accuracy'), formatPercent(expected[0].test, 1));
  await again.close();
  // Choosing a built-in data set replaces the imported points; a damaged link is refused in words.
  await page.locator('#widget').getByLabel('data').selectOption('circles');
  assert.equal((await handle(page)).state, null);
  assert.equal(await page.locator('#widget').getByLabel('data').locator('option[value="own"]').count(), 0);
  await setState(page, { p: [0, 0, 1, 1], l: [0] });
  assert.match(await notes(page), /The saved state could not be used \(every point needs a label\)/);
  await page.close();
});
// ---- regression-metrics: own ordinary points; the outlier stays a separate point ----
test('regression-metrics imports (x, y) points as the ordinary points: the engine\'s metrics with the outlier, counted texts, export, link', async () => {
  const rows = [[1, 2], [2, 3.1], [3, 3.9], [4, 5.2], [5, 5.8], [6, 7.1]];
  const page = await open('regression-metrics');
  await refusesBadFiles(page, [['same-x.csv', 'x,y\n2,1\n2,2\n2,3\n', /Nothing was imported: Every point has x = 2\.00; a line needs points at two different x values at least\./]]);
  assert.equal(await importCsv(page, `x,y\n${lines(rows)}12,3\n`), 'Imported 6 points with values. 1 line skipped: line 8: the value 12 lies outside -0.5 … 9.5.');
  const points = { x: rows.map((r) => r[0]), y: rows.map((r) => r[1]) };
  const expect = (outlier) => {
    const s = regressionScene(ml, REGRESSION_SEED, outlier, 'fixed', points);
    return { s, scaled: scaleColumn(ml, s.y) };
  };
  let { s, scaled } = expect(OUTLIER_DEFAULT);
  assert.equal(await stat(page, 'MAE'), formatNumber(s.with.mae, 2, { significant: 3 }));
  assert.equal(await stat(page, 'RMSE'), formatNumber(s.with.rmse, 2, { significant: 3 }));
  assert.equal(await stat(page, 'R²'), formatNumber(s.with.r2, 3));
  assert.equal(await page.locator('#widget .regression-metrics-table tr[data-metric="mae"] td').first().textContent(), formatNumber(s.without.mae, 2, { significant: 3 }));
  assert.deepEqual(await page.locator('#widget .regression-metrics-table thead th').allTextContents(), ['metric', '6 points', 'all 7', 'change']);
  assert.match(await page.locator('#widget .dw-summary-list').textContent(), new RegExp(`min–max: the 6 ordinary points span ${formatNumber(scaled.minmax.inlierSpread, 2)}`));
  assert.match(await page.locator('#widget .dw-plot-head').textContent(), /The same 7 y values/);
  assert.match(await page.locator('#widget canvas').first().getAttribute('aria-label'), /^Your 6 points and an outlier at x = 6\.0, y = 16\.0/);
  await screenshot(page, 'points-csv-regression-metrics-1280');
  const file = await exportCsv(page);
  assert.equal(file.name, 'regression-points.csv');
  assert.equal(file.text, `x,y\n${lines(rows)}`); // the outlier is not one of the points
  // The outlier moved and the points, in one link; a damaged one is refused in words.
  await setState(page, { x: 5, y: 20, p: [1, 50], l: [2, 3] });
  assert.match(await notes(page), /The saved state could not be used \(line 2: the value 50 lies outside -0\.5 … 9\.5/);
  await setState(page, { x: 5, y: 20, ...{ p: points.x, l: points.y } });
  ({ s } = expect({ x: 5, y: 20 }));
  assert.deepEqual((await handle(page)).state, { x: 5, y: 20, p: points.x, l: points.y });
  assert.equal(await stat(page, 'RMSE'), formatNumber(s.with.rmse, 2, { significant: 3 }));
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'RMSE'), formatNumber(s.with.rmse, 2, { significant: 3 }));
  await again.close();
  await page.close();
});

// ---- regression-race: own (x, y) points, a seeded 30 % held out; the six models are the engine's ----
test('regression-race races the six models on imported points split the seeded way; export keeps each point\'s part; the curve\'s sliders drop them', async () => {
  const rows = Array.from({ length: 14 }, (_, i) => [i * 0.5, Number((Math.sin(i * 0.5) * 2 + (i % 3) * 0.2).toFixed(3))]);
  const page = await open('regression-race');
  await refusesBadFiles(page, [
    ['few.csv', 'x,y\n1,1\n2,2\n', /Nothing was imported: The file holds 2 usable points; at least 10 are needed/],
    ['same-x.csv', `x,y\n${lines(rows.map((r) => [1, r[1]]))}`, /Nothing was imported: Every point has x = 1\.00; the models need points at two different x values at least\./],
  ]);
  assert.equal(await importCsv(page, `x,y\n${lines(rows)}`), 'Imported 14 points with values.');
  const points = { x: rows.map((r) => r[0]), y: rows.map((r) => r[1]) };
  const data = ownRaceData(ml, points, RACE_DEFAULTS.seed);
  const results = MODELS.map((m) => fitOne(ml, m.key, defaultSettings(), data, RACE_DEFAULTS.seed));
  const best = results.find((r) => r.key === ranking(results, 'rmse', 'test')[0]);
  assert.equal(await stat(page, 'lowest test RMSE'), `${raceMessages[`regression-race.short.${best.key}`]} ${formatNumber(best.test.rmse, 2)}`);
  for (const r of results) assert.equal(await page.locator(`#widget tr[data-model="${r.key}"] td.regression-race-test`).first().textContent(), formatNumber(r.test.rmse, 2), r.key);
  assert.equal(await page.locator('#widget .dw-table-box .dw-table-caption').textContent(), `Errors on your ${data.train.x.length} training points and on the ${data.test.x.length} held out for testing (lowest test RMSE marked)`);
  await screenshot(page, 'points-csv-regression-race-1280');
  const file = await exportCsv(page);
  assert.equal(file.name, 'race-points.csv');
  assert.equal(file.text, `x,y,split\n${rows.map((r, i) => `${r.join(',')},${data.split[i]}`).join('\n')}\n`);
  assert.equal(data.split.filter((t) => t === 'test').length, 4); // round(0.3 · 14)
  // The exported file imports again to the same race (its split column is ignored with a note).
  assert.equal(await importCsv(page, file.text), 'Imported 14 points with values. Columns after the label were ignored.');
  assert.equal(await stat(page, 'lowest test RMSE'), `${raceMessages[`regression-race.short.${best.key}`]} ${formatNumber(best.test.rmse, 2)}`);
  await setState(page, { p: [0, 1], l: [1] });
  assert.match(await notes(page), /The saved state could not be used \(every point needs a label/);
  assert.deepEqual((await handle(page)).state, { p: points.x, l: points.y });
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'lowest test RMSE'), `${raceMessages[`regression-race.short.${best.key}`]} ${formatNumber(best.test.rmse, 2)}`);
  await again.close();
  // The noise slider makes a new curve: the imported points go.
  await page.locator('#widget input[type="range"]').first().fill('0.8'); // the race's noise slider
  await afterNextFrame(page);
  assert.equal((await handle(page)).state, null);
  assert.match(await page.locator('#widget .dw-table-box .dw-table-caption').textContent(), /200 fresh test points/);
  await page.close();
});

// ---- gan-lab: own real points (the engine's Gan.setRealPoints), one mode: "Modes covered" shows – ----
test('gan-lab trains on imported real points: the engine\'s losses and coverage, the data menu says so, export and link; choosing a target drops them', async () => {
  const rows = Array.from({ length: 20 }, (_, i) => [Number((-1.5 + 0.15 * i).toFixed(2)), Number((0.4 * Math.cos(i)).toFixed(3)), 1]);
  const flatRows = flat(rows);
  const page = await open('gan-lab');
  const inside = Array.from({ length: 2100 }, (_, i) => [(i % 40) / 20 - 1, Math.floor(i / 40) / 40 - 1]);
  for (const [name, body, expected] of [...BAD.filter(([n]) => n !== 'many.csv'),
    ['many.csv', lines(inside), /Nothing was imported: The file holds 2\u202f100 points; at most 2\u202f000 can be used here\./],
    ['few.csv', lines(rows.slice(0, 10)), /Nothing was imported: The file holds 10 usable points; at least 16 are needed\./],
    ['far.csv', lines([...rows, [5, 0]]), /^Imported 20 points\. 1 line skipped: line 21: the point \(5, 0\) lies outside the plot \(x from -2\.2 to 2\.2, y from -2\.2 to 2\.2\)\./]]) {
    const start = await handle(page);
    assert.match(await importCsv(page, body, name), expected, name);
    if (name !== 'far.csv') assert.deepEqual(await handle(page), start, `${name} changed the widget`);
  }
  assert.equal(await importCsv(page, lines(rows)), 'Imported 20 points. The third column was ignored: this widget uses the positions only. “Modes covered” shows – for your own points: the widget does not know where their modes (the groups the points bunch into) are, so watch the plot to see which groups the fakes reach.');
  assert.equal(await page.locator('#widget').getByLabel('Real data').inputValue(), 'own');
  const expected = ml.scoped((track) => {
    const gan = track(createGan(ml, {}, flatRows));
    const start = { real: [...gan.realPoints()], lossD: gan.discriminatorLoss(), cov: gan.coverage() };
    gan.step();
    return { ...start, afterD: gan.discriminatorLoss(), afterG: gan.generatorLoss() };
  });
  assert.deepEqual(expected.real, flatRows);
  assert.equal(await stat(page, 'Round'), '0');
  assert.equal(await stat(page, 'Discriminator loss'), formatNumber(expected.lossD, 3));
  // The engine counts own points as one mode: the readout shows – rather than "of 1 mode".
  assert.equal(expected.cov.modes, 1);
  assert.equal(await stat(page, 'Modes covered'), '–');
  assert.equal(await stat(page, 'Fakes on the data'), formatPercent(expected.cov.onData, 0));
  assert.deepEqual((await handle(page)).state, { p: flatRows });
  const again = await roundTrip(page);
  assert.equal(await stat(again, 'Discriminator loss'), formatNumber(expected.lossD, 3));
  await again.close();
  await page.locator('#widget').getByRole('button', { name: 'Step', exact: true }).click();
  assert.equal(await stat(page, 'Round'), '1');
  assert.equal(await stat(page, 'Discriminator loss'), formatNumber(expected.afterD, 3));
  assert.equal(await stat(page, 'Generator loss'), formatNumber(expected.afterG, 3));
  await screenshot(page, 'points-csv-gan-lab-1280');
  const file = await exportCsv(page);
  assert.equal(file.name, 'gan-real-points.csv');
  assert.equal(file.text, pointsToCsv(Float64Array.from(flatRows)));
  await setState(page, { p: [0, 0, 1] });
  assert.match(await notes(page), /The saved state could not be used \(the points must be a list of at most 2\u202f000 positions of 2 numbers/);
  await page.locator('#widget').getByLabel('Real data').selectOption('ring');
  await afterNextFrame(page);
  assert.equal((await handle(page)).state, null);
  assert.equal(await stat(page, 'Modes covered'), coverageText(ml.scoped((track) => track(createGan(ml, {})).coverage())));
  await page.close();
});

test('regression-metrics, regression-race and gan-lab with imported points: no horizontal scroll at 375 px', async () => {
  const files = {
    'regression-metrics': 'x,y\n1,2\n2,3\n3,5\n',
    'regression-race': lines(Array.from({ length: 12 }, (_, i) => [i, (i * 7) % 5])),
    'gan-lab': lines(Array.from({ length: 16 }, (_, i) => [Math.cos(i) * 1.5, Math.sin(i) * 1.5])),
  };
  for (const [name, text] of Object.entries(files)) {
    const page = await open(name, '', { width: 375 });
    assert.match(await importCsv(page, text), /^Imported/);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} scrolls sideways at 375 px`);
    await screenshot(page, `points-csv-${name}-375`);
    await page.close();
  }
});
