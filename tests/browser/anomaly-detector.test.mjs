// The anomaly-detector widget on its lesson page: precision and recall are the engine's for the
// widget's state, the heat-map menu, the contamination slider (by keyboard) and the scene menu
// change them, a keyboard move and a click change the points, the Predict-then-check box holds
// and misses, CSV refusals are in words, and the page fits 375 px in both themes without NaN.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady, openPage, openFreshPage } from './browser.mjs';
import { lockPrediction, predictBox, verdict, assertPractice, recordReports } from './predict-helpers.mjs';
import { canvasInk, statReader, noNaNInCards, assertCardsClean, holdKey, listenForReports, reportedEvents } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const PAGE = '/lessons/anomaly-detection.html';
const DEFAULTS = { scene: 'band', contamination: 0.04, trees: 100, subsample: 64, seed: 2 };

async function expected(page, over = {}) {
  return page.evaluate(async (o) => {
    const { loadEngine } = await import('/engine/index.js');
    const s = await import('/widgets/anomaly-detector/scene.js');
    const ml = await loadEngine();
    const forest = new ml.IsolationForest();
    try {
      const data = s.makeScene(ml, o.scene, o.seed);
      const sc = s.scoreBoth(ml, forest, data.X, o);
      const f = s.flagAndMeasure(ml, sc.forest, data.y, o.contamination);
      const z = s.flagAndMeasure(ml, sc.zscore, data.y, o.contamination);
      const p = (v) => `${Math.round(v * 100)}%`;
      return { fp: p(f.precision), fr: p(f.recall), zp: p(z.precision), zr: p(z.recall) };
    } finally {
      forest.delete();
    }
  }, { ...DEFAULTS, ...over });
}
async function readStats(page) {
  const stat = statReader(page);
  return { fp: await stat('forest precision'), fr: await stat('forest recall'), zp: await stat('z-score precision'), zr: await stat('z-score recall') };
}

test('anomaly-detector: readouts are the engine\'s; menus and the contamination slider change them', async () => {
  const page = await openPage(site, PAGE);
  assert.deepEqual(await readStats(page), await expected(page));
  assert.deepEqual(await readStats(page), { fp: '71%', fr: '83%', zp: '14%', zr: '17%' });
  const before = await canvasInk(page, '.dw-card canvas[aria-label*="heat map"]');
  assert.ok(before.painted > 100 && before.colours > 20, 'the heat map is painted');

  await page.getByLabel('heat map shows').selectOption('zscore');
  assert.match(await page.locator('.dw-card canvas[aria-label*="heat map"]').getAttribute('aria-label'), /z-score/);
  const slider = page.getByRole('slider', { name: /^contamination/ });
  await slider.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight'); // 4 % → 10 %
  assert.deepEqual(await readStats(page), await expected(page, { contamination: 0.1 }));
  assert.equal(await statReader(page)('forest recall'), '100%');

  await page.getByLabel('normal points').selectOption('clusters');
  assert.deepEqual(await readStats(page), await expected(page, { scene: 'clusters', contamination: 0.1 }));
  await page.getByRole('button', { name: 'New points' }).click();
  assert.deepEqual(await readStats(page), await expected(page, { scene: 'clusters', contamination: 0.1, seed: 3 }));
  await assertCardsClean(page);
  await page.close();
});

test('anomaly-detector: arrow keys move a point, a click plants an anomaly, Escape puts things back', async () => {
  const page = await openPage(site, PAGE);
  const canvas = page.locator('.dw-card canvas[aria-label*="heat map"]');
  await canvas.focus();
  // The ringed point is the last planted one, (4.5, 4.5); each Shift+Down moves it one unit down,
  // which makes the points the learner's own.
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowDown');
  assert.equal(await page.getByLabel('normal points').inputValue(), 'own');
  await page.keyboard.press('Escape');
  assert.deepEqual(await readStats(page), await expected(page));
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // An empty spot near the top-left corner (data about (−4.3, 4.3)).
  await page.mouse.click(box.x + 60, box.y + 20);
  assert.match(await canvas.getAttribute('aria-label'), /^157 points/);
  assert.ok(await noNaNInCards(page));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('anomaly-detector: a CSV of the learner\'s points is scored; a broken file is refused in words', async () => {
  const page = await openPage(site, PAGE);
  const message = () => page.locator('.dw-message').first().textContent();
  const input = page.locator('.dw-csv input[type="file"]');
  const rows = ['x1,x2,anomaly'];
  for (let i = 0; i < 10; i++) rows.push(`${(0.1 * i).toFixed(1)},${(0.1 * i).toFixed(1)},0`);
  rows.push('3,-3,1', '-3,3,1');
  await input.setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await page.waitForFunction(() => /Imported/.test(document.querySelector('.dw-message').textContent));
  assert.match(await message(), /Imported 12 points/);
  assert.equal(await page.getByLabel('normal points').inputValue(), 'own');
  assert.match(await page.locator('.dw-card canvas[aria-label*="heat map"]').getAttribute('aria-label'), /^12 points/);
  await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,anomaly\n1,oops,0\n') });
  await page.waitForFunction(() => /Nothing was imported/.test(document.querySelector('.dw-message').textContent));
  assert.match(await page.locator('.dw-card canvas[aria-label*="heat map"]').getAttribute('aria-label'), /^12 points/);
  assert.ok(await noNaNInCards(page));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Labels as scikit-learn writes them (IsolationForest.fit_predict: -1 outlier, 1 inlier) are read
// the way it means them; any other two labels are said in words (the larger one is the anomaly),
// and a file whose "anomalies" are the majority gets a warning.
test('anomaly-detector: scikit-learn\'s -1/1 labels are read as -1 = anomaly; other labels are said in words, a majority of anomalies warned', async () => {
  const page = await openPage(site, PAGE);
  const card = page.locator('.dw-card').first();
  const message = () => card.locator('.dw-message').textContent();
  const input = card.locator('.dw-csv input[type="file"]');
  const exported = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('.dw-csv').getByRole('button', { name: 'Export CSV' }).click()]);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    return Buffer.concat(chunks).toString('utf8').trim().split('\n');
  };
  const normal = Array.from({ length: 95 }, (_, i) => [(0.1 * ((i % 10) - 5)).toFixed(2), (0.1 * (Math.floor(i / 10) - 5)).toFixed(2)]);
  const far = [[4, 4], [-4, 4], [4, -4], [-4, -4], [4, 0]];
  const file = (normalLabel, farLabel, header = 'x1,x2,is_inlier') => Buffer.from([header, ...normal.map((p) => `${p},${normalLabel}`), ...far.map((p) => `${p},${farLabel}`)].join('\n'));
  const load = async (name, buffer) => {
    const before = await message();
    await input.setInputFiles({ name, mimeType: 'text/csv', buffer });
    await page.waitForFunction((b) => { const m = document.querySelector('.dw-card .dw-message').textContent; return m !== b && /Imported|Nothing/.test(m); }, before);
    return message();
  };

  const sk = await load('sk.csv', file(1, -1));
  assert.match(sk, /^Imported 100 points in 2 classes\. The labels -1 and 1 were read as scikit-learn writes them \(-1 outlier, 1 inlier\): label -1 → planted anomaly \(5 points\), label 1 → normal point \(95 points\)\.$/);
  assert.doesNotMatch(sk, /classes 0, 1/);
  assert.equal(await card.locator('.dw-message').getAttribute('data-tone'), 'ok');
  // The five far points are the planted anomalies (exported as 1), and the detectors find them.
  const rows = await exported();
  assert.equal(rows[0], 'x1,x2,anomaly');
  assert.deepEqual(rows.slice(1).map((r) => r.split(',')[2]), [...normal.map(() => '0'), ...far.map(() => '1')]);
  const stat = statReader(page);
  assert.notEqual(await stat('forest recall'), '0%');
  assert.notEqual(await stat('forest precision'), '0%');

  // The widget's own 0/1 file: 1 is the anomaly, said with the counts.
  const own = await load('own.csv', file(0, 1, 'x1,x2,anomaly'));
  assert.match(own, /^Imported 100 points in 2 classes\. In this widget the larger label marks an anomaly: label 1 → planted anomaly \(5 points\), label 0 → normal point \(95 points\)\.$/);

  // Labels 1/2 with the "anomalies" in the majority: the note names which label is which, and warns.
  const swapped = await load('swapped.csv', file(2, 1, 'x1,x2,label'));
  assert.match(swapped, /label 2 → planted anomaly \(95 points\), label 1 → normal point \(5 points\)\. More points are planted anomalies \(95\) than normal points \(5\): anomalies should be rare\. If label 2 marks the normal points in your file, swap labels 2 and 1 and import it again\.$/);
  assert.doesNotMatch(swapped, /classes 0, 1/);
  assert.equal(await card.locator('.dw-message').getAttribute('data-tone'), 'warn');
  // Word labels, the second word in the majority: the advice names the file's words, not "the larger label".
  const words = await load('words.csv', Buffer.from(['x1,x2,kind', ...far.map((p) => `${p},outlier`), ...normal.map((p) => `${p},inlier`)].join('\n')));
  assert.match(words, /label inlier → planted anomaly \(95 points\), label outlier → normal point \(5 points\)\. More points are planted anomalies \(95\) than normal points \(5\): anomalies should be rare\. If label inlier marks the normal points in your file, swap labels inlier and outlier and import it again\.$/);
  assert.ok(await noNaNInCards(page));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('anomaly-detector: predict which detector finds more on two clusters (held, then missed)', async () => {
  // Fresh progress: an earlier test put the clusters' recalls on screen first, which saved progress keeps.
  const page = await openFreshPage(site, PAGE);
  const id = 'anomaly-clusters-recall';
  const w = page.locator('.dw-card', { has: page.locator(`[data-predict="${id}"]`) });
  await listenForReports(page);
  // Locked while the band is on screen, as the lesson says: the clusters' readouts are the answer.
  await lockPrediction(w, id, 'forest');
  await page.getByLabel('normal points').selectOption('clusters');
  assert.equal(await predictBox(w, id).getAttribute('data-state'), 'committed', 'one heat map seen: not judged yet');
  await page.getByLabel('heat map shows').selectOption('zscore');
  let v = await verdict(w, id);
  assert.equal(v.result, 'held', v.text);
  assert.match(v.text, /isolation forest flags 67% of the planted anomalies, the z-score detector 17%/);
  // At the default seed the forest's two misses are the empty corners (lessons/anomaly-detection.claims.test.mjs),
  // so the explanation must not say random cuts isolate the corners in a few steps.
  assert.match(v.text, /the empty corners are harder, because each of their coordinates also lies inside one cluster’s range and the cuts run parallel to the axes/);
  await lockPrediction(w, id, 'zscore');
  await page.getByLabel('heat map shows').selectOption('forest');
  v = await verdict(w, id);
  assert.equal(v.result, 'missed', v.text);
  assert.deepEqual((await reportedEvents(page)).map((e) => [e.type, e.score, e.firstTry]), [['dw:score', 1, true], ['dw:complete', 1, true]], 'only the first verdict is recorded');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('anomaly-detector: a prediction locked after the clusters\' recalls were on screen is practice, and is not recorded', async () => {
  const page = await openPage(site, PAGE);
  await recordReports(page);
  const id = 'anomaly-clusters-recall';
  const w = page.locator('.dw-card', { has: page.locator(`[data-predict="${id}"]`) });
  await page.getByLabel('normal points').selectOption('clusters');
  const shown = await readStats(page);
  assert.deepEqual([shown.fr, shown.zr], ['67%', '17%'], 'the answer is on screen');
  assert.match((await verdict(w, id, 0)).text, /recalls, were on screen before a prediction was locked in/);
  await lockPrediction(w, id, 'forest');
  await page.getByLabel('heat map shows').selectOption('zscore');
  await assertPractice(page, predictBox(w, id));
  await page.close();
});

// The lesson in order: its paragraph ends at 10% contamination and the box follows. The question
// and its reveal are about 4%: at 10% the clusters read forest 100%, z-score 33%. The box used to
// wait there with no word, still saying "keep 4% flagged"; now it says to set 4% again, and
// settles (and records) only once the slider shows 4%, at its stops either side too.
test('anomaly-detector: the lesson in order — raised to 10%, the box asks for 4% again in words and judges only at 4%', async () => {
  const page = await openFreshPage(site, PAGE);
  const id = 'anomaly-clusters-recall';
  const w = page.locator('.dw-card', { has: page.locator(`[data-predict="${id}"]`) });
  const box = predictBox(w, id);
  const status = () => box.getByRole('status').textContent();
  await listenForReports(page);
  const slider = page.getByRole('slider', { name: /^contamination/ });
  const press = async (key, times) => { await slider.focus(); for (let i = 0; i < times; i++) await page.keyboard.press(key); };
  // The paragraph's steps: the z-score heat map, then 10%.
  await page.getByLabel('heat map shows').selectOption('zscore');
  await press('ArrowRight', 6);
  assert.equal(await statReader(page)('forest recall'), '100%');
  // Locked at 10% (the learner skipped "set the contamination back to 4%"): the box says what to do.
  await lockPrediction(w, id, 'forest');
  assert.match(await status(), /Now choose “two clusters” as the normal points, set the contamination to 4%, and look at both heat maps/);
  await page.getByLabel('normal points').selectOption('clusters');
  await page.getByLabel('heat map shows').selectOption('forest');
  assert.deepEqual(await readStats(page), await expected(page, { scene: 'clusters', contamination: 0.1 }));
  assert.equal(await box.getAttribute('data-state'), 'committed', 'not judged at 10%');
  assert.equal(await status(), 'Set the contamination back to 4% to check your prediction: it is about 4% flagged, and the slider is at 10%, so these recalls do not test it.');
  // One stop above 4% is still not 4%.
  await press('ArrowLeft', 5);
  assert.equal(await box.getAttribute('data-state'), 'committed', 'not judged at 5%');
  assert.match(await status(), /the slider is at 5%/);
  assert.deepEqual(await reportedEvents(page), [], 'nothing recorded away from 4%');
  await press('ArrowLeft', 1);
  const v = await verdict(w, id);
  assert.equal(v.result, 'held', v.text);
  assert.match(v.text, /isolation forest flags 67% of the planted anomalies, the z-score detector 17%/);
  assert.deepEqual((await reportedEvents(page)).map((e) => [e.type, e.widget, e.score]), [['dw:score', `predict:${id}`, 1], ['dw:complete', `predict:${id}`, 1]]);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Back at 4% with one heat map seen, the box says which one is left; one stop below 4% (3%)
// is refused like one above.
test('anomaly-detector: from 3% back to 4% with one heat map seen, the box names the other map, then settles', async () => {
  const page = await openPage(site, PAGE, { width: 375 });
  const id = 'anomaly-clusters-recall';
  const w = page.locator('.dw-card', { has: page.locator(`[data-predict="${id}"]`) });
  const box = predictBox(w, id);
  const status = () => box.getByRole('status').textContent();
  const slider = page.getByRole('slider', { name: /^contamination/ });
  await lockPrediction(w, id, 'zscore');
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.getByLabel('normal points').selectOption('clusters');
  assert.equal(await box.getAttribute('data-state'), 'committed', 'not judged at 3%');
  assert.match(await status(), /^Set the contamination back to 4% .* the slider is at 3%/);
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await box.getAttribute('data-state'), 'committed', 'one heat map seen');
  assert.equal(await status(), 'The contamination is back at 4%. Now switch “heat map shows” to “z-score (largest |z|)” to look at both heat maps.');
  await page.getByLabel('heat map shows').selectOption('zscore');
  const v = await verdict(w, id);
  assert.equal(v.result, 'missed', v.text);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The clusters shown at 10% with nothing locked: their recalls (forest 100%, z-score 33%) are
// enough to guess from, so a later prediction is practice; but they are not the 4% recalls the
// lesson's reveal states, so the reveal stays closed until 4% is on screen.
test('anomaly-detector: the clusters seen at 10% before locking make a later prediction practice without opening the reveal', async () => {
  const page = await openPage(site, PAGE);
  await recordReports(page);
  await page.evaluate(() => { window.__shown = 0; document.addEventListener('dw:outcome-shown', () => { window.__shown += 1; }); });
  const id = 'anomaly-clusters-recall';
  const w = page.locator('.dw-card', { has: page.locator(`[data-predict="${id}"]`) });
  const slider = page.getByRole('slider', { name: /^contamination/ });
  await slider.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await page.getByLabel('normal points').selectOption('clusters');
  assert.match((await verdict(w, id, 0)).text, /recalls at 10% flagged, were on screen before a prediction was locked in\. That is enough to guess the answer at 4% from/);
  assert.equal(await page.evaluate(() => window.__shown), 0, 'the 4% outcome has not been on screen');
  await lockPrediction(w, id, 'forest');
  await slider.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
  await page.getByLabel('heat map shows').selectOption('zscore');
  await assertPractice(page, predictBox(w, id));
  await page.close();
});

for (const width of [1280, 375]) {
  for (const scheme of ['light', 'dark']) {
    test(`anomaly-detector: the lesson page at ${width} px (${scheme}) has no sideways scroll and no NaN`, async () => {
      const page = await site.newPage({ width });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${site.base}${PAGE}`);
      await widgetsReady(page);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'no horizontal scroll');
      assert.ok(await noNaNInCards(page));
      await page.locator('.dw-card canvas[aria-label*="heat map"]').scrollIntoViewIfNeeded();
      await screenshot(page, `anomaly-detector-${width}-${scheme}`);
      assert.deepEqual(page.record.errors, []);
      await page.close();
    });
  }
}

// Keyboard only: Enter names the point it picks (number, kind, position, flagged or not), N shows
// a plant cursor whose position is announced, N again plants an anomaly there and names it; a held
// arrow key is heard once, when it is let go.
test('anomaly-detector: by keyboard, the picked point and the plant cursor are announced, and N plants', async () => {
  const page = await openPage(site, PAGE);
  const canvas = page.locator('.dw-card canvas[aria-label*="heat map"]');
  const status = () => page.locator('.dw-message').first().textContent();
  // The engine's view of the points: the scene, optionally with one more planted point.
  const truth = (extra) => page.evaluate(async ({ o, extra: e }) => {
    const { loadEngine } = await import('/engine/index.js');
    const s = await import('/widgets/anomaly-detector/scene.js');
    const { formatNumber } = await import('/lib/format.js');
    const ml = await loadEngine();
    const forest = new ml.IsolationForest();
    try {
      const data = s.makeScene(ml, o.scene, o.seed);
      const X = e ? Float64Array.from([...data.X, ...e]) : data.X;
      const y = e ? Float64Array.from([...data.y, 1]) : data.y;
      const sc = s.scoreBoth(ml, forest, X, o);
      const f = s.flagAndMeasure(ml, sc.forest, y, o.contamination);
      return { X: Array.from(X), shown: Array.from(X, (v) => formatNumber(v, 2)), flags: Array.from(f.flags), rows: y.length };
    } finally { forest.delete(); }
  }, { o: DEFAULTS, extra });
  const esc = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await canvas.focus();
  assert.match(await status(), /N shows a cursor to plant a new anomaly/);

  await page.keyboard.press('Enter'); // from the last planted point to point 1
  let t = await truth();
  let flag = t.flags[0] === 1 ? 'flagged' : 'not flagged';
  assert.match(await status(), new RegExp(`^Point 1 of 156: normal point at \\(${esc(t.shown[0])}, ${esc(t.shown[1])}\\), ${flag} by the isolation forest\\.`));

  await page.keyboard.press('n');
  assert.match(await status(), new RegExp(`^Cursor at \\(${esc(t.shown[0])}, ${esc(t.shown[1])}\\), 0\\.00 from the nearest point\\. Press N to plant`));
  // Held: Shift+Up, a press and six repeats; the repeats are quiet, and the clamped top edge is
  // said once when the key is let go.
  const held = await holdKey(page, page.locator('.dw-card').filter({ has: page.locator('canvas[aria-label*="heat map"]') }), 'Shift+ArrowUp', 6);
  assert.match(held, new RegExp(`^Cursor at \\(${esc(t.shown[0])}, 5\\.00\\)`));
  assert.match(await status(), new RegExp(`^Cursor at \\(${esc(t.shown[0])}, 5\\.00\\)`));

  await page.keyboard.press('N');
  t = await truth([t.X[0], 5]);
  flag = t.flags[156] === 1 ? 'flagged' : 'not flagged';
  assert.match(await status(), new RegExp(`^Point 157 of 157: planted anomaly at \\(${esc(t.shown[0])}, 5\\.00\\), ${flag} by the isolation forest\\. Forest recall`));
  assert.match(await canvas.getAttribute('aria-label'), /^157 points/);
  assert.equal(await page.getByLabel('normal points').inputValue(), 'own');
  assert.ok(await noNaNInCards(page));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Degenerate points (audit 6, E8). Points that all coincide are refused in words (a link or a file).
// Points at two places only tie at the top score under both detectors, so neither flags any point:
// the words say so, never "flags the 0 points".
test('anomaly-detector: coinciding points are refused; tied top scores are said in words, not "the 0 points"', async () => {
  const link = (state) => `/embed.html?w=anomaly-detector&state=${Buffer.from(JSON.stringify(state)).toString('base64url')}`;
  const labels = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
  let page = await openPage(site, link({ p: Array(20).fill(1), l: labels }));
  const mount = () => page.locator('main#widget, .dw-mount, dw-widget').first();
  const message = () => page.locator('.dw-message').first().textContent();
  assert.match(await page.locator('.dw-notes').first().textContent(), /The saved state could not be used \(Every point is at \(1\.00, 1\.00\): both detectors would give every point the same score, so none could stand out\. The detectors need points at two different places at least\); the widget starts from its defaults\./);
  assert.equal(await mount().evaluate((el) => el.dwHandle.state), null, 'the link\'s points are not held');
  assert.match(await message(), /^Each detector flags the 7 points with the highest scores \(4% of 156\)/, 'the default band is shown');
  const rows = ['x1,x2,anomaly', ...labels.map((l) => `0.5,0.5,${l}`)];
  await page.locator('.dw-csv input[type="file"]').setInputFiles({ name: 'same.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await page.waitForFunction(() => /Nothing was imported/.test(document.querySelector('.dw-message').textContent));
  assert.match(await message(), /^Nothing was imported: Every point is at \(0\.50, 0\.50\): both detectors would give every point the same score/);
  assert.equal(await mount().evaluate((el) => el.dwHandle.state), null);
  assert.deepEqual(page.record.errors, []);
  await page.close();

  // Five points at (0, 0) and five at (1, 1): every score ties under both detectors (the engine's).
  const p = [...Array(10).fill(0), ...Array(10).fill(1)];
  page = await openPage(site, link({ p, l: labels }));
  const flagged = await page.evaluate(async (X) => {
    const { loadEngine } = await import('/engine/index.js');
    const s = await import('/widgets/anomaly-detector/scene.js');
    const ml = await loadEngine();
    const forest = new ml.IsolationForest();
    try {
      const sc = s.scoreBoth(ml, forest, Float64Array.from(X), { trees: 100, subsample: 64, seed: 2 });
      const y = Float64Array.from([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
      return [s.flagAndMeasure(ml, sc.forest, y, 0.04).flagged, s.flagAndMeasure(ml, sc.zscore, y, 0.04).flagged];
    } finally { forest.delete(); }
  }, p);
  assert.deepEqual(flagged, [0, 0], 'the engine flags no point under either detector');
  const text = await message();
  assert.match(text, /^Neither detector flags any point: the highest scores are tied, and a point is flagged only when its score lies above the cut-off for the top 4% of 10; 5 planted anomalies\. Both detectors find 0% of them\.$/);
  assert.doesNotMatch(text, /the 0 points/);
  assert.ok(await noNaNInCards(page));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
