// The recurrent-sequence widget on the recurrent-networks lesson page: its readouts equal the
// engine's numbers for the same settings, training by button and by Play, the time cursor by
// keyboard, switching cells, the numbers table of the gradient view, reduced motion, phone width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { offMachineRequests, PLAY_TIMEOUT, screenshot, startSite, openPage, openFreshPage } from './browser.mjs';
import { canvasInk, statReader, noNaNInCards } from './probes.mjs';
import { assertFirstTry, assertPractice, changePrediction, lockPrediction, predictBox, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// The engine's numbers for the widget's defaults after `steps` training steps (and a cell).
async function expected(page, steps, cell = 'rnn') {
  return page.evaluate(async ({ steps: n, cell: c }) => {
    const { loadEngine } = await import('/engine/index.js');
    const task = await import('/widgets/recurrent-sequence/task.js');
    const ml = await loadEngine();
    const o = { ...task.defaults, cell: c };
    const series = task.makeSeries(ml, o);
    const net = new ml.RecurrentNet();
    try {
      task.configureNet(net, o, series);
      net.fit(n);
      const flows = task.initialFlows(ml, o, series);
      return { loss: net.loss().toFixed(4), forecast: task.forecastError(net, series).mse.toFixed(3), rnn59: flows.rnn[59], lstm59: flows.lstm[59] };
    } finally { net.delete(); }
  }, { steps, cell });
}

const message = (page) => page.locator('.dw-message').first().textContent();

test('recurrent-sequence: readouts match the engine, training, cursor, cells, numbers table', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/recurrent-networks.html', { width });
    const stat = statReader(page);
    const card = page.locator('.dw-card').first();
    assert.equal(await stat('steps'), '0');
    const start = await expected(page, 0);
    assert.equal(await stat('loss'), start.loss);
    assert.equal(start.loss, '0.5634');
    assert.match(await message(page), /untrained RNN/);
    for (const i of [0, 1, 2, 3]) assert.ok((await canvasInk(page, `.dw-card canvas >> nth=${i}`)).colours > 3, `canvas ${i} drawn`);

    await card.getByRole('button', { name: 'Train 100 steps' }).click();
    assert.equal(await stat('steps'), '100');
    const after100 = await expected(page, 100);
    assert.equal(await stat('loss'), after100.loss);
    assert.equal(await stat('free-running error'), after100.forecast);
    assert.match(await message(page), /^Step 100: one-step loss 0\.00\d\d/);

    // The time cursor, by keyboard: starts at the forecast's first step and moves by 1 (10 with Shift).
    await page.locator('.dw-card canvas[tabindex="0"]').first().focus();
    await page.keyboard.press('ArrowRight');
    assert.match(await message(page), /^Step 161: signal -?\d\.\d{3}; one-step prediction -?\d\.\d{3}; free-running -?\d\.\d{3}\. Hidden state after step 160: \(/);
    await page.keyboard.press('Shift+ArrowLeft');
    assert.match(await message(page), /^Step 151: .*one-step prediction [^;]*\. Hidden/);

    // The numbers behind the pictures: 59 steps back for both fresh cells.
    await card.locator('summary', { hasText: 'The numbers behind the pictures' }).click();
    const row = card.locator('.recurrent-sequence-numbers table').first().locator('tbody tr').last();
    const cells = await row.locator('td').allTextContents();
    assert.equal(cells[0], '59');
    const fmt = (v) => page.evaluate(async (x) => (await import('/lib/format.js')).formatSignificant(x, 3), v);
    assert.equal(cells[1], await fmt(after100.rnn59));
    assert.equal(cells[2], await fmt(after100.lstm59));
    assert.match(cells[1], /× 10⁻¹⁴/);
    assert.match(cells[2], /× 10⁻⁶/);
    // Numbers of one kind side by side get one precision: every relative gradient in the table has
    // three significant digits (the fresh LSTM's 40 steps back read "1 × 10⁻⁴" beside "4.98 × 10⁻⁴"),
    // and the readout (gradient T − 1 steps back) quotes the table's last row, "your" column, exactly (it read 2.2 beside 2.17).
    const significantDigits = (text) => text.replace(/ × 10.*$/, '').replace(/^-?0*\.?0*/, '').replace('.', '').length;
    const gradients = (await card.locator('.recurrent-sequence-numbers table').first().locator('tbody td:not(:first-child)').allTextContents());
    assert.equal(gradients.length, 21);
    assert.deepEqual(gradients.filter((text) => significantDigits(text) !== 3), [], 'every gradient at three significant digits');
    assert.equal(await stat('gradient T − 1 steps back'), cells[3]);
    // Each table's title shows whole inside the section (it wraps there at 375 px), rather than
    // scrolling out of sight with the table's hidden columns; it names the table's region.
    const titles = await card.locator('.recurrent-sequence-numbers').evaluate((section) => {
      const right = section.getBoundingClientRect().right;
      return [...section.querySelectorAll('.dw-table-wrap')].map((region) => {
        const title = document.getElementById(region.getAttribute('aria-labelledby') || '');
        if (!title) return { name: null };
        const box = title.getBoundingClientRect();
        return { name: title.textContent, fits: !region.contains(title) && box.right <= right + 0.5 && title.scrollWidth <= title.clientWidth };
      });
    });
    assert.deepEqual(titles, [
      { name: 'Gradient of the last step’s loss, k steps back, relative to k = 0 (RNN and LSTM freshly initialised)', fits: true },
      { name: 'Signal and predictions at a few steps', fits: true },
    ], `table titles at ${width} px`);

    // Play trains until paused.
    await card.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction(() => Number(document.querySelector('.dw-stat[data-stat="steps"] .dw-stat-value').textContent.replace(/\s/g, '')) >= 140, null, { timeout: PLAY_TIMEOUT });
    await card.getByRole('button', { name: 'Pause' }).click();
    assert.match(await message(page), /^Step \d+: one-step loss/);

    // Switching to the LSTM starts again; its loss is the engine's.
    await card.getByLabel('cell', { exact: true }).selectOption('lstm');
    assert.equal(await stat('steps'), '0');
    assert.match(await message(page), /A fresh LSTM/);
    assert.equal(await stat('loss'), (await expected(page, 0, 'lstm')).loss);
    await card.getByRole('button', { name: 'Step', exact: true }).click();
    assert.equal(await stat('steps'), '1');
    // Learning rate keeps the weights; sequence length restarts.
    await card.getByRole('slider', { name: /learning rate/ }).fill('-2.5');
    assert.match(await message(page), /training continues from the current weights/);
    assert.equal(await stat('steps'), '1');

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at ${width} px (overflow ${overflow})`);
    await card.getByRole('button', { name: 'Train 100 steps' }).click();
    await screenshot(page, `recurrent-sequence-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('recurrent-sequence: under reduced motion Train takes 100 steps at once and nothing animates', async () => {
  const page = await openPage(site, '/lessons/recurrent-networks.html', { reducedMotion: 'reduce' });
  const stat = statReader(page);
  const card = page.locator('.dw-card').first();
  await card.getByRole('button', { name: 'Train', exact: true }).click();
  assert.equal(await stat('steps'), '100');
  assert.equal(await card.getByRole('button', { name: 'Pause' }).count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await stat('steps'), '100');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('recurrent-sequence: predict, then check — truncated BPTT still learns the wave (a held and a missed prediction)', async () => {
  const page = await openPage(site, '/lessons/recurrent-networks.html', { reducedMotion: 'reduce' });
  const stat = statReader(page);
  const card = page.locator('.dw-card').first();
  const box = card.locator('[data-predict="rnn-truncated-bptt"]');
  const status = () => box.getByRole('status').textContent();
  const trainTruncated = async () => {
    await card.getByRole('button', { name: 'Reset' }).click();
    for (let i = 0; i < 3; i++) await card.getByRole('button', { name: 'Train 100 steps' }).click();
    assert.equal(await stat('steps'), '300');
  };
  await box.getByRole('combobox', { name: /one-step loss will be/ }).selectOption('below');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  assert.match(await status(), /Your prediction: below 0\.01: it learns\. Now set “truncate BPTT every” to 5, press Reset/);
  // Training without truncation does not settle it.
  await card.getByRole('button', { name: 'Train 100 steps' }).click();
  await card.getByRole('slider', { name: /truncate BPTT/ }).fill('5');
  for (let i = 0; i < 2; i++) await card.getByRole('button', { name: 'Train 100 steps' }).click();
  assert.equal(await box.getAttribute('data-state'), 'committed');
  await trainTruncated();
  assert.match(await status(), /Your prediction held: you said “below 0\.01: it learns”.*cut every 5 steps, the loss after 300 steps is 0\.00\d\d/);
  assert.equal(await box.getAttribute('data-result'), 'held');
  await box.getByRole('combobox').selectOption('above');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await trainTruncated();
  assert.match(await status(), /did not hold: you said “above 0\.01: it fails”; what happened: “below 0\.01/);
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('recurrent-sequence: a prediction locked after a truncated run was on screen is practice, and only a short cut settles the box', async () => {
  const page = await openFreshPage(site, '/lessons/recurrent-networks.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const card = page.locator('.dw-card').first();
  const box = card.locator('[data-predict="rnn-truncated-bptt"]');
  const status = () => box.getByRole('status').textContent();
  const train300 = async () => {
    await card.getByRole('button', { name: 'Reset' }).click();
    for (let i = 0; i < 3; i++) await card.getByRole('button', { name: 'Train 100 steps' }).click();
  };
  const lockIn = async (value) => {
    await box.getByRole('combobox', { name: /one-step loss will be/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  // A cut every 120 steps is longer than the 60-step window: nothing is cut, so it tests nothing.
  await lockIn('above');
  await card.getByRole('slider', { name: /truncate BPTT/ }).fill('120');
  await train300();
  assert.equal(await box.getAttribute('data-state'), 'committed');
  assert.match(await status(), /does not test your prediction: it needs the gradient cut every 10 steps or fewer/);
  await box.getByRole('button', { name: 'Change my prediction' }).click();
  // The learner runs the experiment first (loss on screen), then predicts what they saw.
  await card.getByRole('slider', { name: /truncate BPTT/ }).fill('5');
  await train300();
  assert.match(await status(), /before predicting, so a prediction made on this page now is practice/);
  await lockIn('below');
  await card.getByRole('button', { name: 'Step', exact: true }).click();
  await assertPractice(page, box, { othersMayReport: true });
  await page.close();
});

test('recurrent-sequence: a prediction locked part-way through a truncated run (loss already 0.0069 after 100 steps) is practice', async () => {
  const page = await openFreshPage(site, '/lessons/recurrent-networks.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const stat = statReader(page);
  const card = page.locator('.dw-card').first();
  const box = card.locator('[data-predict="rnn-truncated-bptt"]');
  await card.getByRole('slider', { name: /truncate BPTT/ }).fill('5');
  await card.getByRole('button', { name: 'Reset' }).click();
  await card.getByRole('button', { name: 'Train 100 steps' }).click();
  assert.equal(await stat('loss'), '0.0069');
  assert.match(await box.getByRole('status').textContent(), /before predicting, so a prediction made on this page now is practice/);
  await box.getByRole('combobox', { name: /one-step loss will be/ }).selectOption('below');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  for (let i = 0; i < 2; i++) await card.getByRole('button', { name: 'Train 100 steps' }).click();
  assert.equal(await stat('steps'), '300');
  await assertPractice(page, box, { othersMayReport: true });
  await page.close();
});

// A plain RNN has no forget gate: the forget-bias slider leaves its training alone and says the
// bias waits for the LSTM, which then starts with it.
test('recurrent-sequence: the LSTM forget bias does not throw away the RNN\'s training', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/recurrent-networks.html', { reducedMotion: 'reduce', width });
    const stat = statReader(page);
    const card = page.locator('.dw-card').first();
    await card.getByRole('button', { name: 'Train', exact: true }).click();
    assert.equal(await stat('steps'), '100');
    const loss = await stat('loss');
    assert.equal(loss, (await expected(page, 100)).loss);
    const bias = card.getByRole('slider', { name: 'LSTM forget bias' });
    await bias.focus();
    await page.keyboard.press('ArrowRight');            // 1 → 1.5
    assert.equal(await stat('steps'), '100', 'the RNN keeps its 100 steps');
    assert.equal(await stat('loss'), loss);
    assert.equal(await message(page), 'The forget bias belongs to the LSTM\'s forget gate, which a plain RNN does not have: the RNN keeps its training. The blue curve of the gradient view is a fresh LSTM with bias 1.5, and so is the LSTM you switch to.');
    // The fresh LSTM's curve (table column "LSTM") is the engine's for bias 1.5.
    const lstm59 = await page.evaluate(async () => {
      const { loadEngine } = await import('/engine/index.js');
      const task = await import('/widgets/recurrent-sequence/task.js');
      const ml = await loadEngine();
      const o = { ...task.defaults, forgetBias: 1.5 };
      return task.initialFlows(ml, o, task.makeSeries(ml, o)).lstm[59];
    });
    assert.notEqual(lstm59, (await expected(page, 0)).lstm59, 'the bias changes the fresh LSTM\'s reach');
    await card.locator('summary', { hasText: 'The numbers behind the pictures' }).click();
    const cells = await card.locator('.recurrent-sequence-numbers table').first().locator('tbody tr').last().locator('td').allTextContents();
    assert.equal(cells[2], await page.evaluate(async (x) => (await import('/lib/format.js')).formatShort(x, 3), lstm59));
    await screenshot(card, `recurrent-sequence-forget-bias-${width}`);
    // The LSTM is then built with the bias chosen while the RNN was shown.
    await card.getByRole('combobox', { name: /cell/ }).selectOption('lstm');
    assert.equal(await stat('steps'), '0');
    const lstmLoss = await page.evaluate(async () => {
      const { loadEngine } = await import('/engine/index.js');
      const task = await import('/widgets/recurrent-sequence/task.js');
      const ml = await loadEngine();
      const o = { ...task.defaults, cell: 'lstm', forgetBias: 1.5 };
      const net = new ml.RecurrentNet();
      try { task.configureNet(net, o, task.makeSeries(ml, o)); return net.loss().toFixed(4); } finally { net.delete(); }
    });
    assert.equal(await stat('loss'), lstmLoss);
    // With the LSTM shown the bias is its own: a change restarts it.
    await bias.focus();
    await page.keyboard.press('ArrowLeft');
    assert.match(await message(page), /New settings: the network starts again from random weights/);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

test('recurrent networks at 375 px: a readout in powers of ten ("2.17 × 10⁻¹⁴") stays on one line, never split after "×"', async () => {
  const page = await openPage(site, '/lessons/recurrent-networks.html', { width: 375, height: 800 });
  const values = await page.evaluate(() => [...document.querySelectorAll('.dw-stat-value')].filter((v) => v.offsetParent)
    .map((v) => ({ text: v.textContent, height: v.getBoundingClientRect().height, line: parseFloat(getComputedStyle(v).lineHeight) || 20 })));
  const powers = values.filter((v) => /× 10/.test(v.text));
  assert.ok(powers.length >= 1, `a readout in powers of ten is on screen: ${values.map((v) => v.text).join(', ')}`);
  for (const v of values) assert.ok(v.height < 1.5 * v.line, `"${v.text}" takes ${v.height} px, more than one line`);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// A prediction changed part-way through a run cut every 5 steps (its loss, 0.0069 after 100 steps,
// on screen), then locked again after Reset, is practice; changed before any step it stays a first
// try, and is recorded.
test('recurrent-sequence: a prediction changed part-way through a truncated run is practice after Reset; changed before a step it is a first try', async () => {
  for (const partWay of [true, false]) {
    const page = await openFreshPage(site, '/lessons/recurrent-networks.html', { reducedMotion: 'reduce' });
    await recordReports(page);
    const stat = statReader(page);
    const card = page.locator('.dw-card').first();
    const id = 'rnn-truncated-bptt';
    const box = predictBox(card, id);
    await card.getByRole('slider', { name: /truncate BPTT/ }).fill('5');
    await card.getByRole('button', { name: 'Reset' }).click();
    await lockPrediction(card, id, 'above');
    if (partWay) {
      await card.getByRole('button', { name: 'Train 100 steps' }).click();
      assert.equal(await stat('loss'), '0.0069');
    }
    await changePrediction(box);
    await card.getByRole('button', { name: 'Reset' }).click();
    await lockPrediction(card, id, 'below');
    for (let i = 0; i < 3; i++) await card.getByRole('button', { name: 'Train 100 steps' }).click();
    assert.equal(await stat('steps'), '300');
    if (partWay) await assertPractice(page, box, { othersMayReport: true });
    else await assertFirstTry(page, box);
    await page.close();
  }
});

// The question names only the truncation; its answer is for the lesson's other settings. With
// noise s = 0.5 the targets alone carry a variance of 0.25 (no net gets below 0.01), a window of
// T = 10 cut every 10 steps is not cut at all, and a run trained part-way at another η is another
// experiment: each is judged as nothing, in words naming what to set back. Back at the lesson's
// settings the same locked prediction is judged, and recorded as the first try.
test('recurrent-sequence: the truncated-BPTT box judges only at the lesson\'s noise, η, H and T; elsewhere it says what differs', async () => {
  const page = await openFreshPage(site, '/lessons/recurrent-networks.html', { reducedMotion: 'reduce' });
  await recordReports(page);
  const stat = statReader(page);
  const card = page.locator('.dw-card').first();
  const id = 'rnn-truncated-bptt';
  const box = predictBox(card, id);
  const status = () => box.getByRole('status').textContent();
  const train300 = async () => {
    await card.getByRole('button', { name: 'Reset' }).click();
    for (let i = 0; i < 3; i++) await card.getByRole('button', { name: 'Train 100 steps' }).click();
    assert.equal(await stat('steps'), '300');
  };
  await lockPrediction(card, id, 'below');
  await card.getByRole('slider', { name: /truncate BPTT/ }).fill('5');
  await card.getByRole('slider', { name: 'noise s' }).fill('0.5');
  await train300();
  assert.ok(Number(await stat('loss')) > 0.01, 'the noisy run stays above 0.01');
  assert.equal(await box.getAttribute('data-state'), 'committed', await status());
  assert.match(await status(), /This run does not test your prediction, which is about the lesson’s settings \(the sine wave, noise 0\.05, learning rate 0\.01, 8 hidden units, sequence length 60\).*To check it, set the noise s back to 0\.05 \(it is at 0\.50\), then set “truncate BPTT every” to 5, press Reset and train for 300 steps\./);
  await card.getByRole('slider', { name: 'noise s' }).fill('0.05');
  // A cut every 10 steps in a 10-step window cuts nothing.
  await card.getByRole('slider', { name: /truncate BPTT/ }).fill('10');
  await card.getByRole('slider', { name: /sequence length/ }).fill('10');
  await train300();
  assert.equal(await box.getAttribute('data-state'), 'committed');
  assert.match(await status(), /set the sequence length T back to 60 \(it is at 10\)/);
  await card.getByRole('slider', { name: /sequence length/ }).fill('60');
  // η is applied in place: a run trained part of the way at another rate is set aside even once
  // the slider is back.
  await card.getByRole('slider', { name: /truncate BPTT/ }).fill('5');
  await card.getByRole('button', { name: 'Reset' }).click();
  const eta = card.getByRole('slider', { name: /learning rate/ });
  await eta.focus();
  await page.keyboard.press('ArrowLeft');
  await card.getByRole('button', { name: 'Train 100 steps' }).click();
  assert.match(await status(), /set the learning rate η back to 0\.01 \(it is at 0\.00\d+\)/);
  await eta.focus();
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 2; i++) await card.getByRole('button', { name: 'Train 100 steps' }).click();
  assert.equal(await stat('steps'), '300');
  assert.equal(await box.getAttribute('data-state'), 'committed');
  assert.match(await status(), /part of it was trained at another learning rate than the lesson’s 0\.01/);
  // Back at the lesson's settings: judged, and recorded as the first try.
  await train300();
  assert.match(await assertFirstTry(page, box), /cut every 5 steps, the loss after 300 steps is 0\.00\d\d/);
  await screenshot(card, 'recurrent-sequence-predict-elsewhere');
  await page.close();
});
