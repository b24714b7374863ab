import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, openPage } from './browser.mjs';
import { assertPractice, recordReports } from './predict-helpers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

const stat = (page, label) => page.locator(`.dw-stat[data-stat="${label}"] .dw-stat-value`).textContent();

test('Predicting a tip: engine predictions, input validation in words, and the examples\' MSE', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/predicting-a-tip.html', { width });
    assert.equal(await page.locator('.katex-error').count(), 0);
    const input = page.getByLabel('bill x (dollars)');
    assert.ok(await page.getByRole('button', { name: /Use w = 0.18/ }).isDisabled(), 'the line already is the trained one');
    assert.equal(await stat(page, 'predicted tip'), '$9.50', 'seed: a $50 bill gives a $9.50 tip');
    await input.fill('20');
    assert.equal(await stat(page, 'predicted tip'), '$4.10', 'seed: a $20 bill gives a $4.10 tip');
    await input.fill('$37.25');
    const shown = Number((await stat(page, 'predicted tip')).slice(1));
    // The same prediction and the examples' MSE computed by the engine directly.
    const expected = await page.evaluate(async () => {
      const { loadEngine } = await import('/engine/index.js');
      const ml = await loadEngine();
      const m = new ml.LinearRegression();
      try {
        const d = ml.makeLinear(6, 0.18, 0.5, 0.6, 11, 10, 80);
        const bills = Array.from(d.X, (x) => Math.round(x * 100) / 100);
        const tips = Array.from(d.y, (y) => Math.max(0, Math.round(y * 100) / 100));
        m.setData(bills, 1, tips);
        m.setParams([0.18, 0.5]);
        return { tip: m.predict([37.25])[0], mse: m.loss() };
      } finally { m.delete(); }
    });
    assert.equal(shown.toFixed(2), expected.tip.toFixed(2));
    assert.equal(await stat(page, 'MSE on examples'), expected.mse.toFixed(3));
    assert.equal(await page.locator('.dw-table tbody tr').count(), 6);

    for (const [text, words] of [['-5', /cannot be negative/], ['abc', /not a number/], ['1e9', /not a number|absurd/], ['5000000', /absurd/], ['', /Type a bill/]]) {
      await input.fill(text);
      assert.match(await page.locator('.dw-message').textContent(), words, `message for "${text}"`);
      assert.equal(await stat(page, 'predicted tip'), '–');
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
    }
    // The bill is read as every typed number on the site (predict boxes, check-yourself): a decimal
    // comma is a decimal point, and "1,000" is refused as ambiguous in words, never taken as 1000.
    const typeBill = async (text) => { await input.fill(''); await input.focus(); await page.keyboard.type(text); };
    await typeBill('0,5');
    assert.equal(await input.getAttribute('aria-invalid'), null, '"0,5" is a bill of $0.50');
    assert.equal(await stat(page, 'predicted tip'), '$0.59', '0.18 × 0.5 + 0.5');
    for (const [text, words] of [
      ['1,000', /^The bill is not read: "1,000" could be 1000 or 1\.000 \(type decimals with a point and no thousands separator\)\. Type it in dollars, like 42\.50\.$/],
      ['1,200.50', /^The bill is not read: "1,200\.50" has more than one separator/],
      ['$1e999', /^The bill is not read: "\$1e999" is too large to read\./],
      ['12%', /^The bill is not read: "12%" has a % sign, but this is a plain number, not a percentage\./],
    ]) {
      await typeBill(text);
      assert.match(await page.locator('.dw-message').textContent(), words, `message for "${text}"`);
      assert.equal(await stat(page, 'predicted tip'), '–', text);
      assert.equal(await input.getAttribute('aria-invalid'), 'true', text);
    }
    await input.fill('80');
    assert.match(await page.locator('.dw-message').textContent(), /^For an \$80\.00 bill the line predicts a \$14\.90 tip/, 'an $80.00 bill');
    // Every bill outside $10–$80 is flagged, $0 included (it gets just the intercept).
    await input.fill('0');
    assert.match(await page.locator('.dw-message').textContent(), /^A bill of \$0 gets just the intercept.*outside the bills the line was trained on \(\$10\.00 to \$80\.00\)/);
    assert.equal(await page.locator('.dw-message').getAttribute('data-tone'), 'warn');
    await input.fill('400');
    assert.match(await page.locator('.dw-message').textContent(), /extrapolation/);
    // Keyboard on the chart moves the bill.
    await page.locator('.dw-stage canvas[tabindex="0"]').focus();
    await page.keyboard.press('Shift+ArrowLeft');
    assert.equal(await input.inputValue(), '390.00');
    // A typed bill above $1000 stays where it is under the arrow keys (it jumped to $1000).
    await input.fill('5000');
    // One rule for every amount: thousands grouped (a thin space) in the message as in the
    // refusal of an absurd bill, never "$5000.00" beside "$100 001.00".
    assert.match(await page.locator('.dw-message').textContent(), /^\$5\u202f000\.00 lies outside the bills the line was trained on \(\$10\.00 to \$80\.00\)/);
    assert.equal(await page.locator('.tip-predictor-sum').textContent(), 'ŷ = 0.180 × 5\u202f000.00 + 0.50 = $900.50');
    await page.locator('.dw-stage canvas[tabindex="0"]').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await input.inputValue(), '5\u202f001.00');
    assert.equal(await stat(page, 'predicted tip'), '$900.68');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await input.inputValue(), '5\u202f000.00', 'the box reads back the grouped bill it wrote');
    assert.equal(await stat(page, 'predicted tip'), '$900.50');
    await input.fill('100001');
    assert.match(await page.locator('.dw-message').textContent(), /^A bill of \$100\u202f001\.00 is absurd/);
    await input.fill('5000');
    // Moving w away from the trained value raises the MSE.
    const before = Number(await stat(page, 'MSE on examples'));
    await page.getByRole('slider', { name: /slope w/ }).fill('0.3');
    assert.ok(Number(await stat(page, 'MSE on examples')) > before);
    assert.equal(await page.getByRole('button', { name: /Use w = 0.18/ }).isDisabled(), false);
    // From the keyboard: the button disables itself once pressed, and the focus moves to the chart
    // (it fell to the page body).
    await page.getByRole('button', { name: 'Best line for these tips' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'CANVAS');
    assert.equal(await stat(page, 'MSE on examples'), await stat(page, 'best possible MSE'));
    assert.ok(await page.getByRole('button', { name: 'Best line for these tips' }).isDisabled(), 'offered only while it changes the line');
    // The best line's intercept is negative: the sign (the site's ASCII minus) goes before the
    // currency, never "$-0.15".
    await input.fill('50');
    assert.match(await page.locator('.dw-message').textContent(), /plus a base of -\$0\.15\.$/);
    // The best line's w and b are unrounded (about 0.18828 and −0.147): where the shown terms do
    // not give the shown tip (0.188 × 50.00 − 0.15 is 9.25), the sum says "≈", as the spam
    // filter's does (equalsSign, web/lib/format.js); where they do, "=".
    assert.match(await page.locator('.tip-predictor-sum').textContent(), /^ŷ = 0\.188 × 50\.00 \u2212 0\.15 \u2248 \$9\.26$/);
    await input.fill('400');
    assert.match(await page.locator('.tip-predictor-sum').textContent(), /^ŷ = 0\.188 × 400\.00 \u2212 0\.15 \u2248 \$75\.09$/);
    await input.fill('1');
    assert.match(await page.locator('.tip-predictor-sum').textContent(), /^ŷ = 0\.188 × 1\.00 \u2212 0\.15 = \$0\.04$/);
    await input.fill('50');
    assert.ok(!/\$-|\+ -/.test(await page.locator('.dw-card').textContent()), 'no "$-" or "+ -" anywhere');
    // Every column of the receipts table is visible, also on a 375 px phone.
    const overflow = await page.locator('.tip-predictor-table-wrap').evaluate((wrap) => {
      const edge = wrap.getBoundingClientRect().right + 0.5;
      return [...wrap.querySelectorAll('th, td')].filter((c) => c.getBoundingClientRect().right > edge).map((c) => c.textContent);
    });
    assert.deepEqual(overflow, [], `cells cut off at ${width} px`);
    assert.equal(await page.locator('.tip-predictor-table thead th').count(), 5);
    // Outside the $10–$80 the line was trained on: a warning, also just above it.
    await input.fill('90');
    assert.match(await page.locator('.dw-message').textContent(), /outside the bills the line was trained on \(\$10\.00 to \$80\.00\).*extrapolation/);
    await page.getByRole('button', { name: /Use w = 0.18/ }).click();
    assert.ok(await page.getByRole('button', { name: /Use w = 0.18/ }).isDisabled());
    await input.fill('50');
    await screenshot(page, `tip-${width}`);
    assert.ok(!/NaN/.test(await page.locator('main').textContent()));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});

// Predict, then check: the least-squares line for the six receipts has b ≈ −$0.15, below $0.
test('Predicting a tip: the best-line intercept prediction misses ("above $0.50") and holds ("below $0")', async () => {
  const page = await openPage(site, '/lessons/predicting-a-tip.html');
  const box = page.locator('[data-predict="tip-best-intercept"]');
  const lock = async (value) => {
    await box.getByRole('combobox', { name: /The best line for these receipts will have a base tip b/ }).selectOption(value);
    await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  };
  await lock('above');
  await page.getByRole('button', { name: 'Best line for these tips' }).click();
  assert.equal(await box.getAttribute('data-result'), 'missed');
  assert.match(await box.getByRole('status').textContent(), /what happened: “below \$0, a negative base tip”\. The least-squares line for these 6 receipts has w = 0\.188 and b = -\$0\.15\./);
  await page.getByRole('button', { name: 'Use w = 0.18, b = 0.5' }).click();
  // Locked from the keyboard (Enter in the list): the focus stays in the box, on the button that
  // changes the prediction.
  await box.getByRole('combobox').selectOption('negative');
  await box.getByRole('combobox').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Change my prediction');
  await page.getByRole('button', { name: 'Best line for these tips' }).click();
  assert.equal(await box.getAttribute('data-result'), 'held');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

// The best line's b is the box's answer: pressed before a prediction, a later one is practice.
test('Predicting a tip: a prediction locked after the best line was on screen is practice, and is not recorded', async () => {
  const page = await openPage(site, '/lessons/predicting-a-tip.html');
  await recordReports(page);
  const box = page.locator('[data-predict="tip-best-intercept"]');
  await page.getByRole('button', { name: 'Best line for these tips' }).click();
  assert.match(await box.getByRole('status').textContent(), /The best line for these receipts was on screen before a prediction was locked in/);
  await page.getByRole('button', { name: 'Use w = 0.18, b = 0.5' }).click();
  await box.getByRole('combobox').selectOption('negative');
  await box.getByRole('button', { name: 'Lock in my prediction' }).click();
  await page.getByRole('button', { name: 'Best line for these tips' }).click();
  await assertPractice(page, box, { othersMayReport: true });
  await page.close();
});
