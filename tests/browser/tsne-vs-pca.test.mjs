import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { afterNextFrame, offMachineRequests, PLAY_TIMEOUT, screenshot, startSite, openPage, widgetsReady } from './browser.mjs';
import { statReader, noNaNInCards } from './probes.mjs';
import { assertFirstTry, assertPractice, changePrediction, lockPrediction, predictBox, recordReports, verdict } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('tsne-vs-pca: PCA variance and t-SNE loss match the engine; Play lowers the KL divergence', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/tsne-vs-pca.html', { width });
    const stat = statReader(page);
    assert.equal(await stat('t-SNE step'), '0');
    const expected = await page.evaluate(async () => {
      const { loadEngine } = await import('/engine/index.js');
      const ml = await loadEngine();
      const base = ml.makeCircles(150, 0.05, 0.4, 2);
      const lifted = ml.featureTransform(base.X, ['x1', 'x2', 'x1^2', 'x2^2', 'x1x2']);
      const pca = new ml.PCA();
      const ts = new ml.TSNE();
      try {
        pca.setComponents(2); pca.setData(lifted.X, 5, []);
        const r = pca.explainedVarianceRatio();
        ts.setMaxIterations(1000); ts.setData(lifted.X, 5, []); ts.setPerplexity(20); ts.reset(2);
        const kl0 = ts.loss().toFixed(3);
        for (let i = 0; i < 10; i++) ts.step();
        return { kept: `${((r[0] + r[1]) * 100).toFixed(1)}%`, kl0, kl10: ts.loss().toFixed(3) };
      } finally { pca.delete(); ts.delete(); }
    });
    assert.equal(await stat('PCA variance kept'), expected.kept);
    assert.equal(await stat('KL(P‖Q)'), expected.kl0);
    const stepBtn = page.getByRole('button', { name: 'Step', exact: true });
    for (let i = 0; i < 10; i++) await stepBtn.click();
    assert.equal(await stat('t-SNE step'), '10');
    assert.equal(await stat('KL(P‖Q)'), expected.kl10);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => Number(document.querySelector('.dw-stat[data-stat="t-SNE step"] .dw-stat-value').textContent.replace(/\u202f/g, '')) >= 320, null, { timeout: PLAY_TIMEOUT });
    await page.getByRole('button', { name: 'Pause' }).click();
    assert.ok(Number(await stat('KL(P‖Q)')) < Number(expected.kl0), 'the KL divergence has dropped');
    assert.match(await page.locator('.dw-message').first().textContent(), /Fine-tuning/);
    await screenshot(page, `tsne-${width}`);
    // Perplexity change restarts t-SNE.
    await page.getByRole('slider', { name: /perplexity/ }).fill('5');
    assert.equal(await stat('t-SNE step'), '0');
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('tsne-vs-pca: predict, then check — the KL readout rises during early exaggeration (held and missed)', async () => {
  const page = await openPage(site, '/lessons/tsne-vs-pca.html', { reducedMotion: 'reduce' });
  const box = page.locator('[data-predict="tsne-early-exaggeration"]');
  const lockIn = async (value) => {
    await box.getByRole('combobox', { name: /the KL readout will/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  const run = async () => { for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Play' }).click(); }; // 50 steps each
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await lockIn('fall');
  assert.match(await box.getByRole('status').textContent(), /Press Reset first/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await lockIn('fall');
  assert.match(await box.getByRole('status').textContent(), /Your prediction: fall\. Now press Play \(or Step\) until step 250/);
  await run();
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /did not hold: you said “fall”; what happened: “rise”\. The KL went from 1\.96 at step 0 to 2\.48 at step 250\. Exaggerated attractions pull neighbours into clumps fast, but the readout measures the true mismatch, which the exaggeration makes worse/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await lockIn('rise');
  await run();
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.match(await box.getByRole('status').textContent(), /Your prediction held: you said “rise”/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Run, then reset, then predict: the outcome was on screen first, so the prediction is practice
// and nothing is recorded (a widget's own goal may still report).
test('t-SNE: a run begun before locking in (then reset) makes the early-exaggeration prediction practice', async () => {
  const page = await openPage(site, '/lessons/tsne-vs-pca.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const box = page.locator('[data-predict="tsne-early-exaggeration"]');
  await page.getByRole('button', { name: 'Play' }).click(); // 50 steps: the readout is already rising
  assert.match(await box.getByRole('status').textContent(), /t-SNE had run, with the KL readout on screen, before a prediction was locked in/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await lockPrediction(page, 'tsne-early-exaggeration', 'rise');
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Play' }).click();
  await assertPractice(page, box, { result: null, othersMayReport: true, wait: 120000 });
  await page.close();
});

// A prediction changed part-way through its run (the readout's rise on screen), then Reset and
// locked again, is practice; changed before any step it stays a first try, and is recorded.
test('t-SNE: a prediction changed part-way through the run is practice after Reset; changed before a step it is a first try', async () => {
  for (const partWay of [true, false]) {
    const page = await openPage(site, '/lessons/tsne-vs-pca.html', { reducedMotion: 'reduce' });
    // Saved progress keeps that the first round's run was on screen first (web/lib/predict.js).
    if (!partWay) await page.evaluate(() => localStorage.removeItem('dw:lesson:tsne-vs-pca'));
    await recordReports(page);
    const id = 'tsne-early-exaggeration';
    const box = predictBox(page, id);
    const stat = statReader(page);
    await lockPrediction(page, id, 'fall');
    if (partWay) {
      await page.getByRole('button', { name: 'Play' }).click(); // 50 steps
      assert.equal(await stat('t-SNE step'), '50');
    }
    await changePrediction(box);
    await page.getByRole('button', { name: 'Reset' }).click();
    await lockPrediction(page, id, 'rise');
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Play' }).click();
    if (partWay) assert.match(await assertPractice(page, box, { othersMayReport: true, wait: 120000 }), /you said “rise”/);
    else await assertFirstTry(page, box, { wait: 120000 });
    await page.close();
  }
});

// The box is about the settings the widget opens with (the lesson's ring and disc, 150 points,
// perplexity 20). The lesson's "Things to try" change them, in order: perplexity 2 and 50, the other
// data sets, New points. Runs there, before any lock, do not count as the answer seen; a lock there
// is told which settings to set back, a 250-step run there does not settle it, and the lesson's way
// back (ring and disc, perplexity 20) settles it as a recorded first try.
test('t-SNE: after the lesson\'s "Things to try", the box is judged only at ring and disc, 150 points, perplexity 20', async () => {
  const page = await openPage(site, '/lessons/tsne-vs-pca.html', { reducedMotion: 'reduce' });
  await page.evaluate(() => localStorage.clear()); // a first try: nothing an earlier test recorded
  await page.reload();
  await widgetsReady(page);
  await recordReports(page);
  const id = 'tsne-early-exaggeration';
  const box = predictBox(page, id);
  const stat = statReader(page);
  const perplexity = page.getByRole('slider', { name: /perplexity/ });
  const data = page.getByRole('combobox', { name: /data/ });
  const play = page.getByRole('button', { name: 'Play' });
  // Things to try 1–3, nothing locked: 50 steps at each setting.
  for (const value of ['2', '50']) { await perplexity.fill(value); await play.click(); }
  for (const value of ['moons', 'blobs']) { await data.selectOption(value); await play.click(); }
  await page.getByRole('button', { name: 'Reset' }).click();
  await play.click();
  await page.getByRole('button', { name: 'New points' }).click();
  await play.click();
  assert.doesNotMatch(await box.getByRole('status').textContent(), /before a prediction was locked in/, 'another experiment shows nothing of the answer');
  // Locked at three blobs, perplexity 50: the box names what to set back.
  await page.getByRole('button', { name: 'Reset' }).click();
  await lockPrediction(page, id, 'rise');
  const off = await box.getByRole('status').textContent();
  assert.match(off, /Your prediction: rise\. A run at these settings does not test your prediction: the question is about “ring and disc” with 150 points at perplexity 20, the settings the widget opened with\. Choose “ring and disc” as the data again\. Set the perplexity back to 20\. t-SNE then starts again from step 0: press Play \(or Step\) until step 250\./);
  assert.doesNotMatch(off, /points back/);
  for (let i = 0; i < 6; i++) await play.click(); // 300 steps, past the end of the exaggeration
  assert.equal(await stat('t-SNE step'), '300');
  assert.equal(await box.getAttribute('data-state'), 'committed', 'not settled at other settings');
  assert.equal(await box.getAttribute('data-result'), null);
  assert.equal(await box.getByRole('status').textContent(), off);
  // The way back, one control at a time: the box says what is still to set back.
  await data.selectOption('circles');
  assert.match(await box.getByRole('status').textContent(), /^A run at these settings does not test your prediction: .* Set the perplexity back to 20\. t-SNE/);
  assert.doesNotMatch(await box.getByRole('status').textContent(), /Choose “ring and disc”/);
  await page.getByRole('slider', { name: /points/ }).fill('300');
  assert.match(await box.getByRole('status').textContent(), /Set the points back to 150\. Set the perplexity back to 20\./);
  await page.getByRole('slider', { name: /points/ }).fill('150');
  await perplexity.fill('19'); // one stop off is still off
  assert.match(await box.getByRole('status').textContent(), /Set the perplexity back to 20\./);
  await perplexity.fill('20');
  assert.equal(await box.getByRole('status').textContent(), 'These are the settings the question is about. Press Play (or Step) until step 250.');
  assert.equal(await box.getAttribute('data-state'), 'committed');
  for (let i = 0; i < 5; i++) await play.click();
  // New points (seed 3) moved the start, so the numbers are not the reveal's; the rise is.
  const text = await assertFirstTry(page, box, { wait: 120000 });
  assert.match(text, /Your prediction held: you said “rise”.*The KL went from 1\.96 at step 0 to 2\.63 at step 250\. .*which the exaggeration makes worse/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The why follows what the readout did. Embedded at the settings the report lists, the box judges
// those settings (the settings it opened with): the moons and the ring and disc at perplexity 2
// fall, the blobs stay level, and neither says the exaggeration made the mismatch worse.
test('t-SNE: the verdict\'s why follows the outcome: fall on the moons and at perplexity 2, level on the blobs', async () => {
  const cases = [
    ['data=moons', 'fall', /The KL went from 1\.99 at step 0 to 1\.78 at step 250\. Here the exaggerated pull still lowered the true mismatch that the readout measures: whether it rises during the exaggeration depends on the data and the perplexity\. On the ring and disc at perplexity 20 it rises\./],
    ['data=circles&perplexity=2', 'fall', /The KL went from 4\.16 at step 0 to 3\.62 at step 250\. Here the exaggerated pull still lowered/],
    ['data=blobs', 'flat', /The KL went from 1\.91 at step 0 to 1\.89 at step 250\. Here the exaggerated pull left the true mismatch that the readout measures about level: whether it rises/],
    ['data=blobs&perplexity=2', 'flat', /The KL went from 4\.12 at step 0 to 3\.97 at step 250\. Here the exaggerated pull left the true mismatch/],
  ];
  for (const [query, outcome, why] of cases) {
    const page = await openPage(site, `/embed.html?w=tsne-vs-pca&${query}`, { reducedMotion: 'reduce' });
    const id = 'tsne-early-exaggeration';
    const box = await lockPrediction(page, id, outcome);
    assert.match(await box.getByRole('status').textContent(), /Now press Play \(or Step\) until step 250/, query);
    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Play' }).click();
    const { result, text } = await verdict(page, id, 120000);
    assert.equal(result, 'held', `${query}: ${text}`);
    assert.match(text, why, query);
    assert.doesNotMatch(text, /makes worse/, query);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

// Every number and name the three charts print lies inside its canvas, at both widths, on the first
// view, after Reset, after New points and after a step. The opening t-SNE cloud is about 10⁻⁴ wide,
// and its y ticks "2 × 10⁻⁴" and "-2 × 10⁻⁴" (about 60 px) began left of the canvas in the plot's
// fixed 44 px margin: only "× 10⁻⁴" showed, the sign lost. fillText is recorded from before the
// first draw, with the ink's extent (measureText's actual bounding box) against the canvas's width.
test('t-SNE: every axis label of the three charts lies inside its canvas (the tiny opening cloud\'s y ticks too)', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.addInitScript(() => {
      window.drawnTexts = [];
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function record(text, x, y, ...rest) {
        const ink = this.measureText(text);
        window.drawnTexts.push({
          chart: this.canvas.closest('.dw-card') && this.canvas.getAttribute('aria-label'),
          text: String(text), tick: this.textAlign === 'right' && this.textBaseline === 'middle',
          left: x - ink.actualBoundingBoxLeft, right: x + ink.actualBoundingBoxRight, canvasWidth: this.canvas.clientWidth,
        });
        return fillText.call(this, text, x, y, ...rest);
      };
    });
    await page.goto(`${site.base}/lessons/tsne-vs-pca.html`);
    await widgetsReady(page);
    const drawn = async (after) => {
      await afterNextFrame(page);
      const texts = await page.evaluate(() => window.drawnTexts.splice(0));
      return texts.filter((d) => d.chart).map((d) => ({ ...d, after }));
    };
    const texts = await drawn('first view');
    await page.getByRole('button', { name: 'Reset' }).click();
    texts.push(...await drawn('Reset'));
    await page.getByRole('button', { name: 'New points' }).click();
    texts.push(...await drawn('New points'));
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    texts.push(...await drawn('one step'));
    const yTicks = texts.filter((d) => d.tick && /t-SNE embedding/.test(d.chart));
    assert.ok(yTicks.some((d) => d.text === '-2 × 10⁻⁴') && yTicks.some((d) => d.text === '2 × 10⁻⁴'), `the opening cloud's y ticks are drawn at ${width} px: ${[...new Set(yTicks.map((d) => d.text))].join(', ')}`);
    const outside = texts.filter((d) => d.left < 0 || d.right > d.canvasWidth);
    assert.deepEqual(outside.map(({ chart, text, left, right, after }) => `${chart}: "${text}" at ${left.toFixed(1)}…${right.toFixed(1)} (${after})`), [], `at ${width} px`);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});
