// A low-vision learner's settings: forced colours (Windows High Contrast) and the WCAG 1.4.12 text
// spacing. Under forced colours the system replaces every background, so a pressed button shown only
// by the accent background looked like the others; the shared CSS shows it in the system's selection
// colours (web/css/shared/segmented.css, web/css/widgets/attention.css …). With the text spacing a
// reader may set, no lesson may scroll sideways on a phone (a heading's long word broke the page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, snap } from './browser.mjs';
import { openLesson } from './probes.mjs';

let site;
before(async () => { site = await startSite({ reusePages: true }); });
after(async () => { await site.close(); });

// The colours a learner sees on a button: background, text and border, as the browser draws them.
const drawn = (locator) => locator.evaluate((b) => {
  const s = getComputedStyle(b);
  return { background: s.backgroundColor, color: s.color, border: s.borderTopColor };
});

for (const colorScheme of ['light', 'dark']) {
  test(`forced colours (${colorScheme}): the pressed segmented button and query word differ from the others`, async () => {
    const page = await openLesson(site, 'loss-functions', { colorScheme });
    await page.emulateMedia({ colorScheme, forcedColors: 'active' });
    const row = page.locator('.dw-segmented').first();
    const pressed = row.locator('.dw-btn[aria-pressed="true"]');
    const buttons = await row.locator('.dw-btn').all();
    const pressedAt = await row.locator('.dw-btn').evaluateAll((bs) => bs.findIndex((b) => b.getAttribute('aria-pressed') === 'true'));
    const other = buttons[pressedAt === 0 ? 1 : 0], first = buttons[pressedAt];
    assert.equal(await pressed.count(), 1, 'one pressed button in the row');
    const on = await drawn(pressed), off = await drawn(other);
    assert.notEqual(on.background, off.background, `pressed ${JSON.stringify(on)} vs not ${JSON.stringify(off)}`);
    assert.notEqual(on.color, off.color, 'the pressed text takes the selection text colour');
    await row.scrollIntoViewIfNeeded();
    await snap(page.locator('.dw-card', { has: row }).first(), `forced-colors-loss-${colorScheme}`);
    // Pressing the other button moves the selection colours with it.
    await other.click();
    assert.deepEqual(await drawn(other), on, 'the newly pressed button takes the selection colours');
    assert.equal(await other.getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await drawn(first), off, 'the released one looks unpressed');
    await page.close();

    const att = await openLesson(site, 'attention-toy', { colorScheme });
    await att.emulateMedia({ colorScheme, forcedColors: 'active' });
    const word = att.locator('.attention-token[aria-pressed="true"]').first();
    const plain = att.locator('.attention-token[aria-pressed="false"]').first();
    assert.notEqual((await drawn(word)).background, (await drawn(plain)).background, 'the chosen query word stands out');
    await word.scrollIntoViewIfNeeded();
    await snap(att.locator('.attention-tokens').first(), `forced-colors-attention-${colorScheme}`);
    await att.close();
  });
}

// WCAG 1.4.12's text spacing, as a reader's user style would set it, in the page and every shadow root.
const TEXT_SPACING = `*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

test('text spacing at 375 px: math-heavy lessons do not scroll sideways', async () => {
  for (const slug of ['vectors-and-matrices', 'notation', 'maths-primer', 'likelihood-and-kl', 'how-models-learn']) {
    const page = await openLesson(site, slug, { width: 375 });
    await page.evaluate((css) => {
      const add = (root) => { const s = document.createElement('style'); s.textContent = css; (root.head || root).append(s); };
      add(document);
      for (const host of document.querySelectorAll('*')) if (host.shadowRoot) add(host.shadowRoot);
    }, TEXT_SPACING);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (slug === 'vectors-and-matrices') await snap(page, 'text-spacing-vectors-and-matrices-375', { fullPage: false });
    assert.ok(width <= 375, `${slug}: the page is ${width} px wide at 375 px with text spacing`);
    await page.close();
  }
});

// Under forced colours the tones' tinted backgrounds are gone; each tone keeps a border of its own
// shape, so "right", "not quite" and "wrong" still look different from each other and from plain notes.
test('forced colours: a widget message and a check-yourself verdict show their tone by the border', async () => {
  const page = await openLesson(site, 'loss-functions');
  await page.emulateMedia({ forcedColors: 'active' });
  const borders = await page.evaluate(() => {
    const message = document.querySelector('.dw-message')
      || [...document.querySelectorAll('*')].map((h) => h.shadowRoot?.querySelector('.dw-message')).find(Boolean);
    const seen = {};
    for (const tone of ['info', 'ok', 'warn', 'bad']) {
      message.dataset.tone = tone;
      const s = getComputedStyle(message);
      seen[tone] = `${s.borderTopStyle} ${s.borderTopWidth}`;
    }
    const feedback = document.querySelector('.cy-feedback');
    for (const tone of ['ok', 'bad']) {
      if (!feedback) break;
      feedback.dataset.tone = tone;
      const s = getComputedStyle(feedback);
      seen[`check ${tone}`] = `${s.borderTopStyle} ${s.borderTopWidth}`;
    }
    return seen;
  });
  assert.deepEqual(borders, {
    info: 'none 0px', ok: 'solid 2px', warn: 'dashed 2px', bad: 'double 4px', 'check ok': 'solid 2px', 'check bad': 'double 4px',
  });
  await page.emulateMedia({ forcedColors: 'none' });
  const plain = await page.evaluate(() => {
    const message = document.querySelector('.dw-message')
      || [...document.querySelectorAll('*')].map((h) => h.shadowRoot?.querySelector('.dw-message')).find(Boolean);
    message.dataset.tone = 'bad';
    return getComputedStyle(message).borderTopStyle;
  });
  assert.equal(plain, 'none', 'without forced colours the tint carries the tone and no border is added');
  await page.close();
});
