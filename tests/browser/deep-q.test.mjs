// The deep-q widget on its lesson page: readouts equal the engine's numbers for the same
// episodes (the widget's own configure()), the controls work from the keyboard, turning the
// target network off makes the values run away (the warning appears), the prediction box settles,
// reduced motion trains on demand instead of animating, and the page fits 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, openPage, openFreshPage } from './browser.mjs';
import { canvasInk, statReader, noNaNInCards, assertFitsClean, listenForReports, reportedEvents } from './probes.mjs';
import { readShown } from '../../web/lib/format.js';
import { assertFirstTry, assertPractice, changePrediction, lockPrediction, predictBox, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// The engine's readouts after `episodes` episodes with the widget's settings.
async function engineAfter(page, episodes, options = {}) {
  return page.evaluate(async ({ n, o }) => {
    const { loadEngine } = await import('/engine/index.js');
    const { schema, configure, recentReturn, SUCCESS_GRID } = await import('/widgets/deep-q/settings.js');
    const { formatNumber, formatPercent } = await import('/lib/format.js');
    const ml = await loadEngine();
    const a = new ml.DeepQ();
    try {
      const defaults = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, v.default]));
      configure(a, { ...defaults, ...o });
      a.runEpisodes(n);
      return { recent: formatNumber(recentReturn(a.episodeReturns()), 2), success: formatPercent(a.greedySuccess(SUCCESS_GRID), 0), epsilon: formatNumber(a.epsilon(), 2) };
    } finally { a.delete(); }
  }, { n: episodes, o: options });
}

const TITLE = 'Deep Q-learning: a network learns';

// Train 100 episodes runs its episodes after the press, in slices between tasks; the button says
// how far they have got and takes its name back when they are done.
async function trainBatch(button) {
  await button.click();
  await button.waitFor({ timeout: 60000 });
}

test('deep-q: readouts match the engine, keyboard, setups, runaway warning, 375 px', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/deep-q-learning.html', { width });
    const card = page.locator('.dw-card').filter({ hasText: TITLE });
    const stat = statReader(page, card);
    assert.equal(await stat('episodes'), '0');
    assert.equal(await stat('ε'), '1.00');

    // Step from the keyboard moves the agent without finishing an episode (usually).
    const stepBtn = card.getByRole('button', { name: 'Step', exact: true });
    await stepBtn.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    const label = await card.locator('canvas').first().getAttribute('aria-label');
    assert.match(label, /^Plane with goal at the lower right and a pit in the middle; agent at \(/);

    await card.getByRole('button', { name: 'Reset' }).click();
    const train = card.getByRole('button', { name: 'Train 100 episodes' });
    await trainBatch(train);
    await trainBatch(train);
    await trainBatch(train);
    assert.equal(await stat('episodes'), '300');
    const expected = await engineAfter(page, 300);
    assert.equal(await stat('recent return'), expected.recent);
    assert.equal(await stat('greedy reaches goal'), expected.success);
    assert.equal(await stat('ε'), expected.epsilon);
    assert.equal(expected.recent, '0.98');
    const ink = await canvasInk(page, '.dw-card canvas');
    assert.ok(ink.colours > 20, 'the value map is painted');
    await screenshot(page, `deep-q-${width}`);

    // No target network: the values run away and the card says so.
    const setup = card.getByLabel('setup');
    await setup.focus();
    const replaySlider = card.getByRole('slider', { name: /replay size/ });
    const syncSlider = card.getByRole('slider', { name: /target sync every/ });
    assert.ok(await replaySlider.isEnabled() && await syncSlider.isEnabled(), 'the DQN setup uses both');
    await setup.selectOption('no-target');
    assert.equal(await stat('episodes'), '0');
    // A setup without a target network ignores the sync slider, and says so by disabling it.
    assert.ok(await replaySlider.isEnabled());
    assert.ok(await syncSlider.isDisabled());
    await trainBatch(train);
    await trainBatch(train);
    await trainBatch(train);
    const message = await card.locator('.dw-message').first().textContent();
    assert.match(message, /^The values ran away: the mean value over the plane reached 7\u202f\d{3} in episode \d+, yet no episode can return more than \+1/);

    // A slider by keyboard resets the training.
    const eta = card.getByRole('slider', { name: /learning rate η/ });
    await eta.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await stat('episodes'), '0');

    await assertFitsClean(page, width);
    await page.close();
  }
});

test('deep-q: predict, then check — "neither" ends poor, and the box says the prediction held', async () => {
  const page = await openPage(site, '/lessons/deep-q-learning.html', { width: 1280 });
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  const stat = statReader(page, card);
  const box = card.locator('[data-predict="deep-q-no-stabilisers"]');
  await box.locator('select').selectOption('low');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.equal(await card.getByLabel('setup').inputValue(), 'neither');
  const train = card.getByRole('button', { name: 'Train 100 episodes' });
  for (let i = 0; i < 3; i++) await trainBatch(train);
  assert.equal(await stat('episodes'), '300');
  assert.match(await box.locator('.dw-predict-status').textContent(), /Your prediction held/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('deep-q: under reduced motion Play trains 25 episodes once and nothing animates', async () => {
  const page = await openPage(site, '/lessons/deep-q-learning.html', { reducedMotion: 'reduce' });
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  const stat = statReader(page, card);
  // In slices between tasks, as Train 100 episodes: the press itself trains nothing (read in the
  // same task as the click), and the 25 episodes follow.
  const inPress = await card.evaluate((root) => {
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Play').click();
    return root.querySelector('.dw-stat[data-stat="episodes"] .dw-stat-value').textContent;
  });
  assert.equal(inPress, '0');
  await card.locator('.dw-stat[data-stat="episodes"] .dw-stat-value', { hasText: /^25$/ }).waitFor();
  assert.equal(await card.getByRole('button', { name: 'Train 100 episodes' }).count(), 1, 'the batch has ended');
  await page.waitForTimeout(300);
  assert.equal(await stat('episodes'), '25');
  assert.equal((await engineAfter(page, 25)).recent, await stat('recent return'));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('deep-q: the frozen lake shows the network beside the table, trained for as many episodes', async () => {
  const page = await openPage(site, '/lessons/deep-q-learning.html', { width: 1280 });
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  const stat = statReader(page, card);
  await card.getByLabel('task').selectOption('lake');
  const train = card.getByRole('button', { name: 'Train 100 episodes' });
  for (let i = 0; i < 3; i++) await trainBatch(train);
  assert.equal(await stat('episodes'), '300');
  assert.equal(await stat('greedy reaches goal'), '100%');
  const expected = await page.evaluate(async () => {
    const { loadEngine } = await import('/engine/index.js');
    const { schema, configure, configureTable, LAKE } = await import('/widgets/deep-q/settings.js');
    const { formatNumber } = await import('/lib/format.js');
    const ml = await loadEngine();
    const g = new ml.Gridworld(); const net = new ml.DeepQ(); const table = new ml.QLearning();
    try {
      g.preset(LAKE.preset);
      g.reset(1);
      const defaults = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, v.default]));
      configure(net, { ...defaults, task: 'lake' }, g);
      configureTable(table, g, 1);
      net.runEpisodes(300);
      table.runEpisodes(300);
      return [net.valueMap(1)[0], table.values()[0], g.valueIteration(0.9, 1e-9)[0]].map((v) => formatNumber(v, 2)).join(' · ');
    } finally { g.delete(); net.delete(); table.delete(); }
  });
  assert.equal(await stat('V(start): network · table · best'), expected);
  assert.match(await card.locator('canvas').first().getAttribute('aria-label'), /^Frozen lake 4 by 4/);
  await screenshot(page, 'deep-q-lake-1280');
  assert.ok(await noNaNInCards(page));
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The audit's log sliders: with a log track of step 1, replay size offered only 2, 20, 200, 2000
// and 20 000 and target sync only 2, 20 and 200, so the defaults 5000 and 50 the lesson names
// were lost after one arrow press (← then → gave 200 then 2000). Now each slider steps along round
// rungs, the readout is the value the engine is set to, and → then ← returns to the default.
test('deep-q: the log sliders step along round values, return to the lesson\'s defaults, and the engine uses the readout', async () => {
  const page = await openPage(site, '/lessons/deep-q-learning.html', { width: 1280 });
  // Every reset of the engine's DeepQ records the settings it trains with.
  await page.evaluate(async () => {
    const ml = await (await import('/engine/index.js')).loadEngine();
    const proto = ml.DeepQ.prototype;
    const original = proto.reset;
    window.engineSettings = [];
    const wrapped = function (seed) {
      window.engineSettings.push({ replay: this.replayCapacity(), targetSync: this.targetSync(), learningRate: this.learningRate() });
      return original.call(this, seed);
    };
    if (original.overloadTable) wrapped.overloadTable = original.overloadTable;
    proto.reset = wrapped;
  });
  const engine = () => page.evaluate(() => window.engineSettings[window.engineSettings.length - 1]);
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  const readout = (c) => card.locator('.dw-field', { has: page.getByRole('slider', { name: c.name }) }).locator('output').textContent();
  const cases = [
    { key: 'replay', name: /replay size/, initial: '5\u202f000', left: '4\u202f500', right: '6\u202f000', first: '2', last: '20\u202f000', named: ['5\u202f000'] },
    { key: 'targetSync', name: /target sync every/, initial: '50', left: '45', right: '60', first: '2', last: '1\u202f000', named: ['50'] },
    { key: 'learningRate', name: /learning rate η/, initial: '0.005', left: '0.0045', right: '0.006', first: '5 × 10⁻⁴', last: '0.05', named: ['0.005', '0.05'] },
  ];
  for (const c of cases) {
    assert.equal(await readout(c), c.initial, `${c.key} starts at the lesson's value`);
    await card.getByRole('slider', { name: c.name }).focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await readout(c), c.left);
    assert.equal((await engine())[c.key], readShown(c.left), `${c.key}: the engine uses the readout`);
    await page.keyboard.press('ArrowRight');
    assert.equal(await readout(c), c.initial, `${c.key}: ← then → returns to the default`);
    assert.equal((await engine())[c.key], readShown(c.initial));
    await page.keyboard.press('ArrowRight');
    assert.equal(await readout(c), c.right);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await readout(c), c.initial, `${c.key}: → then ← returns to the default`);
    // Every stop by keyboard, bottom to top: the engine's setting is the number the readout shows.
    await page.keyboard.press('Home');
    const stops = [];
    for (let i = 0; i < 80; i++) {
      const shown = await readout(c);
      if (stops.includes(shown)) break;
      stops.push(shown);
      assert.equal((await engine())[c.key], readShown(shown), `${c.key}: engine value for readout ${shown}`);
      await page.keyboard.press('ArrowRight');
    }
    assert.equal(stops[0], c.first);
    assert.equal(stops[stops.length - 1], c.last);
    assert.ok(stops.length > 20, `${c.key}: ${stops.length} stops, not only the powers of ten`);
    for (const v of c.named) assert.ok(stops.includes(v), `${c.key} = ${v} (named in the lesson) is a stop`);
  }
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('deep-q: a prediction locked after "neither" was trained to 300 episodes is practice (the same seed replays what was seen)', async () => {
  const page = await openFreshPage(site, '/lessons/deep-q-learning.html', { width: 1280 });
  await recordReports(page);
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  const box = card.locator('[data-predict="deep-q-no-stabilisers"]');
  await card.getByLabel('setup').selectOption('neither');
  const train = card.getByRole('button', { name: 'Train 100 episodes' });
  for (let i = 0; i < 3; i++) await trainBatch(train);
  // The box says so from the press that passes half the run (200 episodes).
  assert.match(await box.locator('.dw-predict-status').textContent(), /You watched 200 episodes of “neither” before predicting/);
  await box.locator('select').selectOption('low');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  for (let i = 0; i < 3; i++) await trainBatch(train);
  await assertPractice(page, box);
  await page.close();
});

test('deep-q: watching "neither" past half its run (200 of 300 episodes) before predicting makes the prediction practice', async () => {
  // At 200 episodes the recent return of "neither" (0.13) is already in the class it ends in, while
  // DQN's is at 0.79: two of the three presses show the answer.
  const page = await openFreshPage(site, '/lessons/deep-q-learning.html', { width: 1280 });
  await recordReports(page);
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  const box = card.locator('[data-predict="deep-q-no-stabilisers"]');
  await card.getByLabel('setup').selectOption('neither');
  const train = card.getByRole('button', { name: 'Train 100 episodes' });
  await trainBatch(train);
  assert.doesNotMatch(await box.locator('.dw-predict-status').textContent(), /before predicting/);
  await trainBatch(train);
  assert.match(await box.locator('.dw-predict-status').textContent(), /You watched 200 episodes of “neither” before predicting/);
  await box.locator('select').selectOption('low');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  for (let i = 0; i < 3; i++) await trainBatch(train);
  await assertPractice(page, box, { othersMayReport: true });
  await page.close();
});

// Layout at both widths: the charts' axis names do not print over their top tick labels ("TD loss"
// covered "0.1"), and every setup name shows whole in the closed menu, on a phone too (it cut
// "neither (plain online Q-learning with a network)" off at 375 px).
test('deep-q: axis names clear of the tick labels, the setup menu wide enough for its names', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/deep-q-learning.html', { width, reducedMotion: 'reduce' });
    const card = page.locator('.dw-card').filter({ hasText: TITLE });
    await card.getByRole('button', { name: 'Train 100 episodes' }).click();
    await card.locator('.dw-stat[data-stat="episodes"] .dw-stat-value', { hasText: '100' }).waitFor();
    // Every text the two charts print, recorded on a redraw, as boxes in canvas pixels.
    const charts = await card.evaluate(async (root) => {
      const canvases = [...root.querySelectorAll('canvas[aria-label]')].filter((c) => /return|TD loss/i.test(c.getAttribute('aria-label')));
      const boxes = canvases.map(() => []);
      const originals = canvases.map((canvas, i) => {
        const ctx = canvas.getContext('2d');
        const original = ctx.fillText;
        ctx.fillText = function (text, x, y, ...rest) {
          const m = this.measureText(text);
          const left = this.textAlign === 'right' ? x - m.width : this.textAlign === 'center' ? x - m.width / 2 : x;
          const top = this.textBaseline === 'top' ? y : this.textBaseline === 'middle' ? y - 6 : this.textBaseline === 'bottom' ? y - 12 : y - 10;
          boxes[i].push({ text: String(text), left, right: left + m.width, top, bottom: top + 12 });
          return original.call(this, text, x, y, ...rest);
        };
        return [ctx, original];
      });
      window.dispatchEvent(new Event('resize'));
      root.querySelector('.dw-stage').style.width = `${root.querySelector('.dw-stage').clientWidth - 1}px`;
      // Until both charts have redrawn (printed their axis names), then four frames more for the
      // redraw at the narrower stage (ResizeObserver, the plot's resize frame, the draw frame): a
      // fixed 400 ms missed the redraw when frames came late.
      const named = () => boxes.every((b) => b.some((x) => x.text === 'return' || x.text === 'TD loss'));
      for (const start = performance.now(); !named() && performance.now() - start < 10000;) await new Promise((r) => setTimeout(r, 50));
      for (let i = 0; i < 4; i++) await new Promise((r) => requestAnimationFrame(r));
      originals.forEach(([ctx, original]) => { ctx.fillText = original; });
      return canvases.map((c, i) => ({ label: c.getAttribute('aria-label'), boxes: boxes[i] }));
    });
    assert.equal(charts.length, 2, 'the returns and loss charts');
    for (const { label, boxes } of charts) {
      const name = boxes.find((b) => b.text === 'return' || b.text === 'TD loss');
      assert.ok(name, `${label}: axis name drawn`);
      const hit = boxes.filter((b) => b !== name && b.left < name.right && name.left < b.right && b.top < name.bottom && name.top < b.bottom);
      assert.deepEqual(hit.map((b) => b.text), [], `${label}: nothing printed over "${name.text}" at ${width} px`);
      // 0.1 in whichever notation the axis's powers share (ticks.js logAxes: all 10ⁿ once one is past the plain range).
      if (name.text === 'TD loss') assert.ok(boxes.some((b) => b.text === '0.1' || b.text === '10⁻¹'), `the loss chart keeps its top tick label at ${width} px`);
    }
    // The menu's text box against the width of its names in the menu's own font.
    const fit = await card.getByLabel('setup').evaluate((select) => {
      const style = getComputedStyle(select);
      const probe = document.createElement('span');
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${style.font}`;
      document.body.append(probe);
      const widthOf = (text) => { probe.textContent = text; return probe.getBoundingClientRect().width; };
      const widest = Math.max(...[...select.options].map((o) => widthOf(o.textContent)));
      const shown = widthOf(select.selectedOptions[0].textContent);
      probe.remove();
      // The arrow and padding take about 2.5em of the box.
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return { widest, shown, room };
    });
    assert.ok(fit.room >= fit.widest, `every setup name fits at ${width} px: ${JSON.stringify(fit)}`);
    assert.ok(fit.room >= fit.shown, `the chosen setup's name fits at ${width} px: ${JSON.stringify(fit)}`);
    // The short name is explained where the choice is confirmed.
    await card.getByLabel('setup').selectOption('neither');
    assert.match(await card.locator('.dw-message').first().textContent(), /^Setup: neither \(plain online Q-learning with a network: each move once, in order, towards targets the network moves itself\)\. Training starts again/);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

// A prediction changed after "neither" had trained 200 episodes under it (its class on screen, as
// the box counts it), then locked again (which replays the same seed), is practice; changed after
// 100 episodes, before that point, it stays a first try, and is recorded.
test('deep-q: a prediction changed after 200 episodes of its run is practice when locked again; changed after 100 it is a first try', async () => {
  for (const trained of [2, 1]) {
    const page = await openFreshPage(site, '/lessons/deep-q-learning.html', { width: 1280 });
    await recordReports(page);
    const card = page.locator('.dw-card').filter({ hasText: TITLE });
    const stat = statReader(page, card);
    const id = 'deep-q-no-stabilisers';
    const box = predictBox(card, id);
    const train = card.getByRole('button', { name: 'Train 100 episodes' });
    await lockPrediction(card, id, 'high');
    for (let i = 0; i < trained; i++) await trainBatch(train);
    assert.equal(await stat('episodes'), String(trained * 100));
    await changePrediction(box);
    await lockPrediction(card, id, 'low');
    assert.equal(await stat('episodes'), '0');
    for (let i = 0; i < 3; i++) await trainBatch(train);
    if (trained === 2) await assertPractice(page, box, { othersMayReport: true });
    else await assertFirstTry(page, box);
    await page.close();
  }
});

// The box judged "neither" at any learning rate and ε decay: at η = 5 × 10⁻⁴ it averages 0.91, and
// the lesson's answer "poor" was recorded as wrong with "with both on (same seed) it averages above
// 0.9", which is false at η = 0.05. The question's answer (and the lesson's 0.15) is for the
// lesson's settings: elsewhere the box names the setting that differs and how to get back, judges
// and records nothing, and judges the first run back at the lesson's settings.
test('deep-q: at another learning rate or ε decay the box names the setting, records nothing, and judges back at the lesson\'s settings', async () => {
  const page = await openFreshPage(site, '/lessons/deep-q-learning.html', { width: 1280 });
  await listenForReports(page);
  const card = page.locator('.dw-card').filter({ hasText: TITLE });
  const stat = statReader(page, card);
  const box = predictBox(card, 'deep-q-no-stabilisers');
  const status = () => box.locator('.dw-predict-status').textContent();
  const train = card.getByRole('button', { name: 'Train 100 episodes' });
  const eta = card.getByRole('slider', { name: /learning rate η/ });
  const decay = card.getByRole('slider', { name: /ε decay/ });
  await eta.focus();
  await page.keyboard.press('Home');
  await box.locator('select').selectOption('low');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.equal(await card.getByLabel('setup').inputValue(), 'neither');
  assert.match(await status(), /Now set the learning rate η back to 0\.005 \(it is at 5 × 10⁻⁴\), train to 300 episodes with the setup “neither”/);
  for (let i = 0; i < 3; i++) await trainBatch(train);
  assert.equal(await stat('episodes'), '300');
  const slow = await engineAfter(page, 300, { setup: 'neither', learningRate: 0.0005 });
  assert.equal(await stat('recent return'), slow.recent);
  assert.equal(slow.recent, '0.91');
  assert.equal(await box.getAttribute('data-state'), 'committed', 'not judged at η = 5 × 10⁻⁴');
  assert.equal(await status(), 'This run does not test your prediction, which is about the lesson’s settings (learning rate 0.005, ε decay 0.970). To check it, set the learning rate η back to 0.005 (it is at 5 × 10⁻⁴), then train “neither” to 300 episodes.');
  // Back to 0.005 by the ladder, then ε decay down to 0.8: the other setting is named.
  await eta.focus();
  for (let i = 0; i < 40; i++) {
    if ((await card.locator('.dw-field', { has: page.getByRole('slider', { name: /learning rate η/ }) }).locator('output').textContent()) === '0.005') break;
    await page.keyboard.press('ArrowRight');
  }
  assert.equal(await card.locator('.dw-field', { has: page.getByRole('slider', { name: /learning rate η/ }) }).locator('output').textContent(), '0.005');
  await decay.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await trainBatch(train);
  const quick = await engineAfter(page, 300, { setup: 'neither', epsilonDecay: 0.8 });
  assert.equal(await stat('recent return'), quick.recent);
  assert.equal(await box.getAttribute('data-state'), 'committed', 'not judged at ε decay 0.8');
  assert.match(await status(), /To check it, set the ε decay back to 0\.970 \(it is at 0\.800\), then train “neither” to 300 episodes\.$/);
  assert.deepEqual(await reportedEvents(page), [], 'nothing recorded away from the lesson\'s settings');
  await decay.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 40; i++) {
    if ((await card.locator('.dw-field', { has: page.getByRole('slider', { name: /ε decay/ }) }).locator('output').textContent()) === '0.970') break;
    await page.keyboard.press('ArrowLeft');
  }
  assert.equal(await card.locator('.dw-field', { has: page.getByRole('slider', { name: /ε decay/ }) }).locator('output').textContent(), '0.970');
  for (let i = 0; i < 3; i++) await trainBatch(train);
  const v = await box.getAttribute('data-result');
  assert.equal(v, 'held', await status());
  assert.match(await status(), /^Your prediction held: .* With both on, the same seed and settings reach 0\.98 \(step 1\)\.$/);
  assert.doesNotMatch(await status(), /Practice/);
  assert.deepEqual((await reportedEvents(page)).map((e) => [e.type, e.score]), [['dw:score', 1], ['dw:complete', 1]]);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// Train 100 episodes ran all its episodes inside the press: on a slow phone the page froze for
// seconds with nothing on screen saying so, and a second tap in that time trained 100 more (300 →
// 500 with one press meant). Now the episodes run in slices between tasks: none inside the press,
// the button says how far they have got, a second press trains nothing, the numbers are those of
// 100 episodes in one go, and Reset part-way stops the batch. The episodes every DeepQ.fit and
// DeepQ.runEpisodes finish are counted with the task they ran in (a microtask marks a task's end).
test('deep-q: Train 100 episodes runs in slices after the press, a second press trains nothing more, Reset stops it', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/deep-q-learning.html', { width });
    const card = page.locator('.dw-card').filter({ hasText: TITLE });
    const stat = statReader(page, card);
    await page.evaluate(async () => {
      const ml = await (await import('/engine/index.js')).loadEngine();
      const proto = ml.DeepQ.prototype;
      window.dq = { perTask: [], labels: [] };
      let inTask = false;
      for (const name of ['fit', 'runEpisodes']) {
        const original = proto[name];
        const counted = function (n) {
          if (!inTask) { inTask = true; window.dq.perTask.push(0); queueMicrotask(() => { inTask = false; }); }
          const before = this.episodes();
          const taken = original.call(this, n);
          window.dq.perTask[window.dq.perTask.length - 1] += this.episodes() - before;
          return taken;
        };
        if (original.overloadTable) counted.overloadTable = original.overloadTable;
        proto[name] = counted;
      }
    });
    await card.scrollIntoViewIfNeeded();
    const inPress = await card.evaluate((root) => {
      const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Train 100 episodes');
      new MutationObserver(() => window.dq.labels.push(button.textContent)).observe(button, { childList: true, characterData: true, subtree: true });
      button.click();
      const label = button.textContent;
      const disabled = button.getAttribute('aria-disabled');
      button.click(); // a second tap while the first press's episodes run
      return { label, disabled, episodes: window.dq.perTask.reduce((a, b) => a + b, 0) };
    });
    assert.deepEqual(inPress, { label: 'Training… 0 of 100', disabled: 'true', episodes: 0 }, 'no episode runs inside the presses');
    const train = card.getByRole('button', { name: 'Train 100 episodes' });
    await train.waitFor({ timeout: 60000 });
    await page.waitForTimeout(300);
    const { perTask, labels } = await page.evaluate(() => window.dq);
    assert.equal(perTask.reduce((a, b) => a + b, 0), 100, 'one press\'s 100 episodes, not 200');
    assert.ok(perTask.length > 4 && Math.max(...perTask) < 100, `episodes per task: ${perTask.join(' ')}`);
    assert.ok(labels.some((l) => /^Training… [1-9]\d* of 100$/.test(l)), `the button counts the episodes: ${labels.join(' | ')}`);
    assert.equal(await train.getAttribute('aria-disabled'), null);
    assert.equal(await stat('episodes'), '100');
    const expected = await engineAfter(page, 100);
    assert.equal(await stat('recent return'), expected.recent);
    assert.equal(await stat('greedy reaches goal'), expected.success);
    assert.match(await card.locator('.dw-message').first().textContent(), /^Trained 100 more episodes \(100 so far\)\./);
    await screenshot(card, `deep-q-trained-${width}`);

    // Reset part-way: the batch stops, and nothing trains the new network afterwards.
    await card.getByRole('button', { name: 'Reset' }).click();
    await train.click();
    await page.waitForFunction(() => [...document.querySelectorAll('.dw-card button')].some((b) => /^Training… [1-9]\d* of 100$/.test(b.textContent)), null, { timeout: 60000 });
    await screenshot(card, `deep-q-training-${width}`);
    await card.getByRole('button', { name: 'Reset' }).click();
    assert.equal(await stat('episodes'), '0');
    assert.equal(await train.getAttribute('aria-disabled'), null, 'the button is back');
    await page.waitForTimeout(500);
    assert.equal(await stat('episodes'), '0', 'no slice runs after Reset');
    assert.equal(await card.locator('.dw-message').first().textContent(), 'New random network: its values are noise, and ε = 1 means every move is random.');

    // A prediction is not taken while a batch runs (the box judges what a batch showed when it
    // ends): locking in then says to wait.
    const refused = await card.evaluate((root) => {
      [...root.querySelectorAll('button')].find((b) => b.textContent === 'Train 100 episodes').click();
      const box = root.querySelector('[data-predict="deep-q-no-stabilisers"]');
      const select = box.querySelector('select');
      select.value = 'low';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      [...box.querySelectorAll('button')].find((b) => b.textContent === 'Lock in my prediction').click();
      return { state: box.getAttribute('data-state'), text: box.textContent };
    });
    assert.notEqual(refused.state, 'committed');
    assert.match(refused.text, /Wait until the 100 episodes being trained are done, then lock in your prediction\./);
    await card.getByRole('button', { name: 'Reset' }).click();
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});
