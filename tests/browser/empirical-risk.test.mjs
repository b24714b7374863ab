// The empirical-risk widget on "How wrong is a model?": the table reproduces the lesson's worked
// example, the game reports a score only when the learner brings the risk under the goal, and
// "Show the best line" reveals least squares (risk 0) without recording a win.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { offMachineRequests, PLAY_TIMEOUT, screenshot, snap, startSite, widgetsReady, openPage, openFreshPage } from './browser.mjs';
import { holdKey, listenLive, statReader, noNaNInCards } from './probes.mjs';
import { assertPractice, lockPrediction, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// fresh: the site's saved progress cleared first (a test that needs a first try, as openFreshPage).
async function open(width, { fresh = false } = {}) {
  const page = await site.newPage({ width });
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
  });
  await page.goto(`${site.base}/lessons/empirical-risk.html`);
  if (fresh) {
    await page.evaluate(() => localStorage.clear());
    await page.reload();
  }
  await widgetsReady(page);
  return page;
}
const cardOf = (page) => page.locator('.dw-card', { hasText: 'Three houses' });
const setSlider = (card, label, value) => card.locator('.dw-field', { hasText: label }).locator('input[type=range]').evaluate((input, v) => {
  input.value = String(v);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}, value);
const rows = (card) => card.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));

test('the page is clean at 1280 and 375 px and the table starts at the lesson’s second guess, w = 0.15, b = 10 (310, 235, 460; risk 1308)', async () => {
  for (const width of [1280, 375]) {
    const page = await open(width);
    const card = cardOf(page);
    assert.deepEqual(await rows(card), [
      ['1', '2\u202f000', '300', '310', '10', '100'],
      ['2', '1\u202f500', '250', '235', '-15', '225'],
      ['3', '3\u202f000', '400', '460', '60', '3\u202f600'],
    ]);
    assert.equal(await statReader(page, card)('empirical risk'), '1\u202f308');
    assert.equal(await card.locator('.dw-field', { hasText: 'slope w' }).locator('output').textContent(), '0.150');
    assert.equal(await card.locator('.dw-field', { hasText: 'intercept b' }).locator('output').textContent(), '10');
    assert.deepEqual(page.record.errors, []);
    assert.deepEqual(offMachineRequests(page), []);
    assert.ok(await noNaNInCards(page));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow})`);
    await screenshot(page, `empirical-risk-${width}`);
    await page.close();
  }
});

// The lesson in order: the widget starts at the second guess; the learner goes back to the first
// guess (w = 0.1, b = 0: risk 10 000), predicts, sets b = 50 (the prediction is recorded), then
// presses Reset and plays from w = 0.15, b = 10, where one slider alone cannot reach the goal.
test('the lesson’s steps in order: back to w = 0.1, b = 0, predict, b = 50 records the prediction; after Reset one slider alone never wins', async () => {
  const page = await open(1280);
  const card = cardOf(page);
  const box = card.locator('[data-predict="empirical-risk-half-miss"]');
  const w = card.getByRole('slider', { name: 'slope w' });
  const b = card.getByRole('slider', { name: 'intercept b' });
  // From 0.15 to 0.1 a step at a time, then b from 10 down to 0, as the keyboard would.
  await w.focus();
  for (let i = 0; i < 50; i++) await page.keyboard.press('ArrowLeft');
  await b.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  assert.equal(await statReader(page, card)('empirical risk'), '10\u202f000');
  assert.deepEqual((await rows(card)).map((row) => row[4]), ['-100', '-100', '-100']);
  assert.doesNotMatch(await box.getByRole('status').textContent(), /before a prediction was locked in/, 'nothing about b = 50 has been shown yet');
  await lockPrediction(card, 'empirical-risk-half-miss', '2500');
  await b.focus();
  for (let i = 0; i < 50; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.doesNotMatch(await box.getByRole('status').textContent(), /practice/i);
  let events = await page.evaluate(() => window.__events.filter((e) => e.detail.widget === 'predict:empirical-risk-half-miss').map((e) => [e.type, e.detail.score]));
  assert.deepEqual(events, [['dw:score', 1], ['dw:complete', 1]]);
  await card.getByRole('button', { name: 'Reset' }).click();
  assert.equal(await statReader(page, card)('empirical risk'), '1\u202f308');
  // Every stop of b with w at 0.15, then every stop of w with b at 10: never under the goal.
  const lowest = await card.evaluate((el) => {
    const input = (label) => [...el.querySelectorAll('.dw-field')].find((f) => f.textContent.includes(label)).querySelector('input[type=range]');
    const set = (i, v) => { i.value = String(v); i.dispatchEvent(new Event('input', { bubbles: true })); };
    const risk = () => Number(el.querySelector('tfoot td').textContent.replace(/[\s\u202f]/g, ''));
    const out = { b: Infinity, w: Infinity };
    for (let v = -300; v <= 300; v++) { set(input('intercept b'), v); out.b = Math.min(out.b, risk()); }
    set(input('intercept b'), 10);
    for (let i = 0; i <= 300; i++) { set(input('slope w'), i / 1000); out.w = Math.min(out.w, risk()); }
    return out;
  });
  assert.deepEqual(lowest, { b: 972, w: 620 });
  events = await page.evaluate(() => window.__events.filter((e) => e.detail.widget === 'empirical-risk'));
  assert.deepEqual(events, [], 'no win with one slider');
  // Both sliders: w = 0.1, b = 95 misses by −5 each, risk 25.
  await setSlider(card, 'slope w', 0.1);
  await setSlider(card, 'intercept b', 95);
  assert.match(await card.locator('.dw-message').textContent(), /^Empirical risk 25: under the goal of 100, with a line of your own: that completes this activity./);
  events = await page.evaluate(() => window.__events.filter((e) => e.detail.widget === 'empirical-risk').map((e) => e.type));
  assert.deepEqual(events, ['dw:score', 'dw:complete']);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('keyboard: Up on the right handle raises that end by 5; bringing the risk under 100 reports one win', async () => {
  const page = await open(1280);
  const card = cardOf(page);
  await setSlider(card, 'slope w', 0.1);
  await setSlider(card, 'intercept b', 90);   // misses −10 each: risk 100, not under the goal
  assert.equal(await statReader(page, card)('empirical risk'), '100');
  assert.deepEqual(await page.evaluate(() => window.__events), []);
  await card.locator('canvas').focus();
  await page.keyboard.press('ArrowRight');     // the right handle
  await page.keyboard.press('ArrowUp');        // + 5 at x = 3250
  const text = await card.locator('.dw-message').textContent();
  assert.match(text, /under the goal of 100/);
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.map((e) => e.type), ['dw:score', 'dw:complete']);
  assert.equal(events[0].detail.score, 1);
  await page.keyboard.press('ArrowUp');        // a second win in the same round is not reported again
  assert.equal((await page.evaluate(() => window.__events)).length, 2);
  await page.close();
});

// The figure's name writes the intercept's sign as the operator, as fit-line does: at b = -300 it
// read "ŷ = 0.150x + -300".
test('the figure names the line with the intercept\'s sign as its operator: ŷ = 0.150x − 300, ŷ = 0.150x + 50', async () => {
  const page = await open(1280);
  const card = cardOf(page);
  const label = () => card.locator('canvas').getAttribute('aria-label');
  await setSlider(card, 'slope w', 0.15);
  await setSlider(card, 'intercept b', -300);
  assert.match(await label(), /^The line ŷ = 0\.150x \u2212 300 through 3 houses; misses house 1 -300, /);
  await setSlider(card, 'intercept b', 50);
  assert.match(await label(), /^The line ŷ = 0\.150x \+ 50 through 3 houses;/);
  await setSlider(card, 'intercept b', 0);
  assert.match(await label(), /^The line ŷ = 0\.150x \+ 0 through 3 houses;/);
  await page.close();
});

test('at the goal\'s edge the risk shows a decimal: w = 0.096, b = 99 misses by 9, 7, 13, so the risk is 299/3 = 99.7, under 100, and reads so', async () => {
  const page = await open(1280);
  const card = cardOf(page);
  await setSlider(card, 'slope w', 0.096);
  await setSlider(card, 'intercept b', 99);
  assert.equal(await statReader(page, card)('empirical risk'), '99.7');
  assert.match(await card.locator('.dw-message').textContent(), /^Empirical risk 99\.7: under the goal of 100, with a line of your own: that completes this activity\./);
  assert.match(await card.locator('table').textContent(), /81.*49.*169.*99\.7/s);
  // The figure's name gives the risk as the status does: 99.7, never "100" (the goal itself).
  assert.match(await card.locator('canvas').getAttribute('aria-label'), /empirical risk 99\.7$/);
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.map((e) => e.type), ['dw:score', 'dw:complete']);
  await page.close();
});

test('Show the best line gives w = 0.1, b = 100, risk 0, and records nothing', async () => {
  const page = await open(375);
  const card = cardOf(page);
  await card.getByRole('button', { name: 'Show the best line' }).click();
  assert.equal(await statReader(page, card)('empirical risk'), '0');
  assert.equal(await card.locator('.dw-field', { hasText: 'slope w' }).locator('output').textContent(), '0.100');
  assert.equal(await card.locator('.dw-field', { hasText: 'intercept b' }).locator('output').textContent(), '100');
  assert.match(await card.locator('.dw-message').textContent(), /shown, not found/);
  assert.deepEqual(await page.evaluate(() => window.__events), []);
  await page.close();
});

// The lesson's text that names the best line (w = 0.1, b = 100, risk 0) is the game's answer: it is
// closed and out of sight until the learner has played, that is brought the risk under the goal or
// pressed Show the best line, and then it opens by itself.
const BEST_LINE_ANSWER = /The least-squares line is w=0\.1.*b=100.*with an empirical risk of exactly 0/s;
const bestLineReveal = (page) => page.locator('details.dw-reveal[data-reveal-for="empirical-risk-best-line"]');
test('the best line (w = 0.1, b = 100, risk 0) stays hidden while the learner plays, and opens once the risk is under 100', async () => {
  const page = await open(1280);
  const card = cardOf(page);
  const reveal = bestLineReveal(page);
  assert.equal(await reveal.count(), 1);
  assert.match(await reveal.textContent(), BEST_LINE_ANSWER);
  assert.equal(await reveal.evaluate((d) => d.open), false);
  assert.equal(await reveal.getByText(/The least-squares line is/).isVisible(), false, 'the answer is not on screen before playing');
  assert.doesNotMatch(await page.locator('main').evaluate((m) => m.innerText), /b\s*=\s*100,? with an empirical risk/, 'no visible text gives the answer');
  await setSlider(card, 'slope w', 0.1);
  await setSlider(card, 'intercept b', 90);   // risk 100: played, but not under the goal yet
  assert.equal(await reveal.evaluate((d) => d.open), false);
  await setSlider(card, 'intercept b', 95);   // misses −5 each: risk 25, under the goal
  assert.match(await card.locator('.dw-message').textContent(), /under the goal of 100/);
  await page.waitForFunction(() => document.querySelector('details.dw-reveal[data-reveal-for="empirical-risk-best-line"]').open, null, { timeout: PLAY_TIMEOUT });
  assert.equal(await reveal.getByText(/The least-squares line is/).isVisible(), true, 'the answer is on screen after playing');
  assert.deepEqual((await page.evaluate(() => window.__events)).map((e) => e.type), ['dw:score', 'dw:complete'], 'the reveal records nothing of its own');
  await page.close();
});

for (const width of [1280, 375]) {
  test(`at ${width} px, pressing Show the best line opens the text that names it too`, async () => {
    const page = await open(width);
    const reveal = bestLineReveal(page);
    assert.equal(await reveal.evaluate((d) => d.open), false);
    await snap(reveal, `empirical-risk-best-line-closed-${width}`);
    await cardOf(page).getByRole('button', { name: 'Show the best line' }).click();
    await page.waitForFunction(() => document.querySelector('details.dw-reveal[data-reveal-for="empirical-risk-best-line"]').open, null, { timeout: PLAY_TIMEOUT });
    assert.equal(await reveal.getByText(/The least-squares line is/).isVisible(), true);
    await snap(reveal, `empirical-risk-best-line-open-${width}`);
    await page.close();
  });
}

// Predict, then check: w = 0.1, b = 50 halves every miss (−50), so the risk falls to 2 500.
test('predict, then check: a typed risk for b = 50 is judged within ± 50 (5000 misses, 2500 holds)', async () => {
  const page = await open(1280, { fresh: true });
  const card = cardOf(page);
  const box = card.locator('[data-predict="empirical-risk-half-miss"]');
  const lock = async (value) => {
    await box.getByRole('textbox', { name: /raising b from 0 to 50 halves every miss/ }).fill(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  await setSlider(card, 'slope w', 0.1);
  await setSlider(card, 'intercept b', 0);
  await lock('5000');
  await setSlider(card, 'intercept b', 50);
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /^Your prediction did not hold: you said 5\u202f000, and it came out 2\u202f500 \(outside ± 50\)\. Every miss is now -50 instead of -100/);
  await setSlider(card, 'intercept b', 0);
  await lock('2480');
  await setSlider(card, 'intercept b', 50);
  assert.equal(await box.getAttribute('data-result'), 'held');
  // A second prediction, made after the outcome was shown, is judged as practice and not recorded.
  assert.match(await box.getByRole('status').textContent(), /^Your prediction held: you said 2\u202f480, and it came out 2\u202f500 \(within ± 50\)\..*your first prediction is the one recorded/);
  const events = await page.evaluate(() => window.__events.filter((e) => e.detail.widget === 'predict:empirical-risk-half-miss').map((e) => [e.detail.score, e.detail.firstTry]));
  assert.deepEqual(events, [[0, true], [0, true]], 'score and completion of the first settled prediction only');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The outcome on screen before any prediction was locked in: a later prediction could copy it,
// so it is judged as practice and nothing is recorded.
test('empirical risk: setting b = 50 before predicting makes the prediction practice', async () => {
  const page = await openPage(site, '/lessons/empirical-risk.html');
  await recordReports(page);
  const card = page.locator('.dw-card', { has: page.locator('[data-predict="empirical-risk-half-miss"]') });
  const box = card.locator('[data-predict="empirical-risk-half-miss"]');
  const b = card.getByRole('slider', { name: 'intercept b' });
  await card.getByRole('slider', { name: 'slope w' }).fill('0.1');
  await b.fill('50');
  assert.match(await box.getByRole('status').textContent(), /before a prediction was locked in/);
  await b.fill('0');
  await lockPrediction(card, 'empirical-risk-half-miss', '2500');
  await b.fill('50');
  await assertPractice(page, box, { othersMayReport: true });
  await page.close();
});

// The x axis's numbers (Plot.axes): at 375 px the last one, "3500", was drawn past the canvas's right
// edge and neighbours nearly touched. Every number drawn under the axis lies inside the canvas, with
// at least 8 px between neighbours.
for (const width of [375, 1280]) {
  test(`empirical risk at ${width} px: the x axis's numbers stay inside the canvas and apart`, async () => {
    const page = await site.newPage({ width, height: 900 });
    await page.addInitScript(() => {
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      window.axisTexts = [];
      CanvasRenderingContext2D.prototype.fillText = function record(text, x, y, ...rest) {
        if (this.textBaseline === 'top' && /^\d/.test(String(text))) {
          const m = this.getTransform();
          const w = this.measureText(String(text)).width;
          const left = this.textAlign === 'center' ? x - w / 2 : this.textAlign === 'right' ? x - w : x;
          window.axisTexts.push({ canvas: this.canvas, text: String(text), left: m.a * left + m.e, right: m.a * (left + w) + m.e, y: m.d * y + m.f, cssWidth: this.canvas.width });
        }
        return fillText.call(this, text, x, y, ...rest);
      };
    });
    await page.goto(`${site.base}/lessons/empirical-risk.html`);
    await widgetsReady(page);
    const canvas = page.locator('.dw-card canvas').first();
    await canvas.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.axisTexts.some((r) => r.text === '1\u202f000'));
    const labels = await page.evaluate(() => {
      const c = document.querySelector('.dw-card canvas');
      const texts = window.axisTexts.filter((r) => r.canvas === c);
      const lastY = Math.max(...texts.map((r) => r.y));
      // The most recent drawing of the axis row only.
      const row = texts.filter((r) => r.y === lastY);
      const start = row.map((r) => r.text).lastIndexOf('1\u202f000');
      return { labels: row.slice(start), width: c.width };
    });
    assert.ok(labels.labels.length >= 3, JSON.stringify(labels));
    for (const l of labels.labels) assert.ok(l.left >= 0 && l.right <= labels.width, `"${l.text}" spans ${l.left.toFixed(1)}–${l.right.toFixed(1)} of ${labels.width}`);
    labels.labels.forEach((l, i) => { if (i) assert.ok(l.left - labels.labels[i - 1].right >= 8 - 0.01, `"${labels.labels[i - 1].text}" and "${l.text}" are ${(l.left - labels.labels[i - 1].right).toFixed(1)} px apart`); });
    assert.deepEqual(page.record.errors, []);
    await page.close();
  });
}

test('keyboard: Left/Right say which handle is selected; Up says the new risk; a held key is heard once', async () => {
  const page = await open(1280);
  const card = cardOf(page);
  await card.locator('canvas').focus();
  const heard = await listenLive(card);
  await page.keyboard.press('ArrowLeft');
  assert.match(await card.locator('.dw-message').textContent(), /^Selected: the left handle, at x = 1\u202f250 square feet/);
  await page.keyboard.press('ArrowRight');
  assert.match(await card.locator('.dw-message').textContent(), /^Selected: the right handle, at x = 3\u202f250 square feet/);
  await page.keyboard.press('ArrowUp');
  const risk = await statReader(page, card)('empirical risk');
  assert.match(await card.locator('.dw-message').textContent(), new RegExp(`^Empirical risk ${risk}`));
  assert.equal((await heard()).length, 3, 'each press is heard once');
  // Held: a press and 19 repeats; the repeats are quiet, the last risk is said once when let go.
  const held = await holdKey(page, card, 'ArrowUp', 19);
  assert.match(held, new RegExp(`^Empirical risk ${await statReader(page, card)('empirical risk')}`));
  await page.close();
});

// The page's address keeps the widget's state (encoded JSON, base64url).
const addressState = (page, name) => page.evaluate((key) => {
  const m = location.hash.match(new RegExp(`${key}\\.state=([^&]*)`));
  if (!m) return null;
  try { return JSON.parse(atob(decodeURIComponent(m[1]).replace(/-/g, '+').replace(/_/g, '/'))); } catch { return null; }
}, name);
const reportsOf = (page) => page.evaluate(() => window.__events.filter((e) => e.detail.widget === 'empirical-risk').map((e) => e.type));
const storedRisk = (page) => page.evaluate(() => (JSON.parse(localStorage.getItem('dw:lesson:empirical-risk') || '{}').activities || {})['empirical-risk'] || null);

// Audit 5, E item 1: Show the best line, then a reload: the address brought back w = 0.1, b = 100
// as if the learner had found it, and the load reported a win and completed the activity. The
// state now keeps r: 1 (the round the reveal ended) and a line from the page never reports.
test('Show the best line, then a reload: still the revealed round, nothing reported or stored; a nudge is no round either', async () => {
  const page = await open(1280, { fresh: true });
  let card = cardOf(page);
  await card.getByRole('button', { name: 'Show the best line' }).click();
  assert.deepEqual(await page.locator('.dw-mount[data-widget="empirical-risk"]').evaluate((el) => el.dwHandle.state), { w: 0.1, b: 100, r: 1 });
  // The address is written a moment after the change: wait for the state with the mark.
  await page.waitForFunction(() => { const m = location.hash.match(/empirical-risk\.state=([^&]*)/); return m && JSON.parse(atob(decodeURIComponent(m[1]).replace(/-/g, '+').replace(/_/g, '/'))).r === 1; });
  await page.reload();
  await widgetsReady(page);
  card = cardOf(page);
  assert.deepEqual(await addressState(page, 'empirical-risk'), { w: 0.1, b: 100, r: 1 });
  assert.equal(await statReader(page, card)('empirical risk'), '0');
  assert.match(await card.locator('.dw-message').textContent(), /^This is the least-squares line: ŷ = 0\.100x \+ 100, empirical risk 0\. It was shown, not found, so this round has no score/);
  assert.deepEqual(await reportsOf(page), [], 'the reload reports nothing');
  assert.equal(await storedRisk(page), null, 'and the lesson stores nothing');
  // A nudge of the shown line, by the keyboard: still the round the reveal ended, and said so.
  await card.locator('canvas').focus();
  await page.keyboard.press('ArrowUp');
  assert.match(await card.locator('.dw-message').textContent(), /^Empirical risk \S+\. The least-squares line was shown in this round, so it has no score\. These three houses never change, so a round after Reset is practice and is not recorded\.$/);
  assert.doesNotMatch(await card.locator('.dw-message').textContent(), /This is the least-squares line/);
  assert.deepEqual(await reportsOf(page), []);
  assert.equal((await page.locator('.dw-mount[data-widget="empirical-risk"]').evaluate((el) => el.dwHandle.state)).r, 1);
  // Audit 5 follow-up: Reset used to start a counted round, so typing the shown w and b won. The
  // houses never change, so Reset starts a practice round, says so, and a reload keeps it so.
  await card.getByRole('button', { name: 'Reset' }).click();
  assert.deepEqual(await page.locator('.dw-mount[data-widget="empirical-risk"]').evaluate((el) => el.dwHandle.state), { w: 0.15, b: 10, s: 1 });
  assert.equal(await card.locator('.dw-message').textContent(), 'Empirical risk 1\u202f308. The goal is under 100: shorten the longest bars first, since a miss counts squared. This round is practice: Show the best line has given the answer, and these three houses never change, so a line you set now is not recorded.');
  await setSlider(card, 'slope w', 0.1);
  await setSlider(card, 'intercept b', 100);
  assert.equal(await card.locator('.dw-message').textContent(), 'Empirical risk 0: under the goal of 100, but this round is practice: Show the best line has given the answer, and these three houses never change, so it is not recorded.');
  assert.equal(await statReader(page, card)('best so far'), '–', 'a practice line is not the learner\'s best');
  assert.deepEqual(await reportsOf(page), [], 'copying the shown line after Reset reports nothing');
  assert.deepEqual(await page.locator('.dw-mount[data-widget="empirical-risk"]').evaluate((el) => el.dwHandle.state), { w: 0.1, b: 100, s: 1 });
  // Reset's own state already carried s: 1, so wait for the copied line itself in the address (a
  // loaded machine may write the address after the reload would otherwise start).
  await page.waitForFunction(() => { const m = location.hash.match(/empirical-risk\.state=([^&]*)/); if (!m) return false; const st = JSON.parse(atob(decodeURIComponent(m[1]).replace(/-/g, '+').replace(/_/g, '/'))); return st.s === 1 && st.w === 0.1 && st.b === 100; });
  await page.reload();
  await widgetsReady(page);
  card = cardOf(page);
  assert.deepEqual(await addressState(page, 'empirical-risk'), { w: 0.1, b: 100, s: 1 });
  await setSlider(card, 'intercept b', 95);
  assert.match(await card.locator('.dw-message').textContent(), /^Empirical risk 25: under the goal of 100, but this round is practice/);
  await card.getByRole('button', { name: 'Reset' }).click();
  await setSlider(card, 'slope w', 0.1);
  await setSlider(card, 'intercept b', 96);
  assert.deepEqual(await reportsOf(page), [], 'practice after a reload and another Reset reports nothing');
  assert.equal(await storedRisk(page), null);
  // A damaged mark is refused in words.
  await page.locator('.dw-mount[data-widget="empirical-risk"]').evaluate((el) => el.dwHandle.update({ state: btoa(JSON.stringify({ w: 0.1, b: 0, s: 2 })) }));
  assert.match(await page.locator('.dw-notes').first().textContent(), /the mark for a round after Show the best line \(s\) must be 1 or left out/);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// A win of the learner's own first, then Show the best line: the shown line is not "a line of your
// own" (it used to say so), the win stays recorded, and a round after Reset is practice that says the
// win is recorded, on this visit and the next.
test('a win, then Show the best line: the shown line claims no win of its own; rounds after it are practice and say the win is recorded', async () => {
  const page = await open(1280, { fresh: true });
  let card = cardOf(page);
  await setSlider(card, 'slope w', 0.1);
  await setSlider(card, 'intercept b', 95);
  assert.deepEqual(await reportsOf(page), ['dw:score', 'dw:complete']);
  await card.getByRole('button', { name: 'Show the best line' }).click();
  assert.equal(await card.locator('.dw-message').textContent(), 'This is the least-squares line: ŷ = 0.100x + 100, empirical risk 0. It was shown, not found, so it scores nothing; your own win is already recorded. These three houses never change, so a round after Reset is practice and is not recorded.');
  await card.getByRole('button', { name: 'Reset' }).click();
  assert.match(await card.locator('.dw-message').textContent(), /This round is practice: Show the best line has given the answer, and these three houses never change, so a line you set now is not recorded \(your own win is already recorded\)\.$/);
  await setSlider(card, 'slope w', 0.1);
  await setSlider(card, 'intercept b', 100);
  assert.equal(await card.locator('.dw-message').textContent(), 'Empirical risk 0: under the goal of 100, but this round is practice: Show the best line has given the answer, and these three houses never change, so it is not recorded (your own win is already recorded).');
  assert.deepEqual(await reportsOf(page), ['dw:score', 'dw:complete'], 'nothing more is reported');
  assert.equal((await storedRisk(page)).complete, true);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// A Share link (or an address) holding a line under the goal, opened on a fresh page: the line is
// shown and judged, but it is not the learner's, so nothing is reported until they move it.
test('a Share link holding a winning line reports nothing on a fresh page; the learner\'s own move under the goal does', async () => {
  const page = await site.newPage({ width: 1280 });
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['dw:score', 'dw:complete']) document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
  });
  await page.goto(`${site.base}/lessons/empirical-risk.html`);
  await page.evaluate(() => localStorage.clear());
  const state = Buffer.from(JSON.stringify({ w: 0.1, b: 95 })).toString('base64url');
  await page.goto('about:blank'); // the link opens a new page, not a hash change on this one
  await page.goto(`${site.base}/lessons/empirical-risk.html#empirical-risk.state=${state}`);
  await widgetsReady(page);
  const card = cardOf(page);
  assert.equal(await statReader(page, card)('empirical risk'), '25');
  assert.match(await card.locator('.dw-message').textContent(), /^Empirical risk 25: under the goal of 100, but this line came with the page, not from your moves, so it is not scored\. Move the line yourself/);
  assert.deepEqual(await reportsOf(page), [], 'opening the link reports nothing');
  assert.equal(await storedRisk(page), null);
  await setSlider(card, 'intercept b', 96);
  assert.match(await card.locator('.dw-message').textContent(), /^Empirical risk 16: under the goal of 100, with a line of your own: that completes this activity\./);
  assert.deepEqual(await reportsOf(page), ['dw:score', 'dw:complete'], 'the learner\'s own line under the goal wins');
  assert.equal((await storedRisk(page)).complete, true);
  // Reloaded, the won line comes back from the address: not scored again, and the card says the win is recorded.
  await page.waitForFunction(() => { const m = location.hash.match(/empirical-risk\.state=([^&]*)/); return m && JSON.parse(atob(decodeURIComponent(m[1]).replace(/-/g, '+').replace(/_/g, '/'))).b === 96; });
  await page.reload();
  await widgetsReady(page);
  assert.match(await cardOf(page).locator('.dw-message').textContent(), /not scored \(your own win, from an earlier visit, is already recorded\)/);
  assert.deepEqual(await reportsOf(page), []);
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The lesson's text that names the best line, opened by the learner before a win: the answer is
// on screen as after Show the best line, so every round on this page is practice, says why, and
// reports and stores nothing. Opened with a win already recorded, it changes nothing.
test('the best-line text opened before a win makes the rounds practice; opened with a win recorded, it changes nothing', async () => {
  const page = await open(1280, { fresh: true });
  let card = cardOf(page);
  const READ = /This round is practice: you opened “What the widget shows”, which names the best line, before winning, so a line you set on this page is not recorded\.$/;
  await setSlider(card, 'slope w', 0.1);
  await setSlider(card, 'intercept b', 90);   // risk 100: played, not won
  await bestLineReveal(page).locator('summary').click();
  assert.equal(await bestLineReveal(page).evaluate((d) => d.open), true);
  await page.waitForFunction(() => /names the best line/.test(document.querySelector('.dw-mount[data-widget="empirical-risk"] .dw-message').textContent));
  assert.match(await card.locator('.dw-message').textContent(), /^Empirical risk 100\. The goal is under 100: .*This round is practice: you opened/);
  assert.match(await card.locator('.dw-message').textContent(), READ);
  await setSlider(card, 'intercept b', 100);  // the line the text names
  assert.equal(await card.locator('.dw-message').textContent(), 'Empirical risk 0: under the goal of 100, but this round is practice: you opened “What the widget shows”, which names the best line, before winning, so it is not recorded.');
  await card.getByRole('button', { name: 'Reset' }).click();
  assert.match(await card.locator('.dw-message').textContent(), READ);
  await setSlider(card, 'slope w', 0.1);
  await setSlider(card, 'intercept b', 95);
  assert.match(await card.locator('.dw-message').textContent(), /^Empirical risk 25: under the goal of 100, but this round is practice/);
  assert.deepEqual(await reportsOf(page), [], 'nothing reported');
  assert.equal(await storedRisk(page), null, 'nothing stored');
  await snap(card, 'empirical-risk-read-first-1280');
  await page.setViewportSize({ width: 375, height: 900 });
  await snap(card, 'empirical-risk-read-first-375');
  await page.close();

  // A win recorded (this page's, then on a later visit): the text opened by hand changes nothing.
  const won = await open(1280, { fresh: true });
  card = cardOf(won);
  await setSlider(card, 'slope w', 0.1);
  await setSlider(card, 'intercept b', 95);
  assert.deepEqual(await reportsOf(won), ['dw:score', 'dw:complete']);
  await won.reload();
  await widgetsReady(won);
  card = cardOf(won);
  assert.equal(await bestLineReveal(won).evaluate((d) => d.open), false);
  await bestLineReveal(won).locator('summary').click();
  await won.waitForTimeout(100);
  await setSlider(card, 'slope w', 0.1);
  await setSlider(card, 'intercept b', 96);
  assert.match(await card.locator('.dw-message').textContent(), /^Empirical risk 16: under the goal of 100, with a line of your own: that completes this activity\./);
  assert.doesNotMatch(await card.locator('.dw-message').textContent(), /practice/);
  assert.equal((await storedRisk(won)).complete, true, 'the recorded win stands');
  assert.deepEqual(won.record.errors, []);
  await won.close();
});
