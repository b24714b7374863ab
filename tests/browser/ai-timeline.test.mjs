// The AI timeline (history-of-ai lesson): keyboard, buttons and clicks move between events; the
// story and links follow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady } from './browser.mjs';
import { canvasInk, statReader, noNaNInCards } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('ai-timeline: keyboard, buttons and clicks move between events; the story and links follow', async () => {
  for (const width of [1280, 375]) {
    const page = await site.newPage({ width });
    await page.goto(`${site.base}/lessons/history-of-ai.html`);
    await widgetsReady(page);
    const card = page.locator('.dw-card', { hasText: 'Eighty years of AI' });
    const stat = statReader(page, card);
    const canvas = card.locator('canvas').first();
    const ink = await canvasInk(page, '.dw-card canvas >> nth=0');
    assert.ok(ink.colours > 4, 'timeline drawn');
    assert.equal(await stat('year'), '1943');
    assert.equal(await stat('event'), '1 of 20');
    assert.match(await card.locator('.ai-timeline-event').textContent(), /McCulloch and Pitts/);
    assert.equal(await card.locator('.ai-timeline-event').getAttribute('aria-live'), 'polite');

    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await stat('year'), '1950');
    assert.match(await card.locator('.ai-timeline-event-title').textContent(), /Turing/);
    await page.keyboard.press('ArrowDown');
    assert.equal(await stat('year'), '1956');
    assert.equal(await stat('era'), 'Symbolic AI');
    await page.keyboard.press('End');
    assert.equal(await stat('year'), '2023–24');
    assert.equal(await stat('era'), 'Deep learning');
    // Two back: 2021, DALL-E, with links to attention (a Transformer) and to the GAN lesson (images made, not labelled).
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await stat('year'), '2021');
    assert.equal(await stat('event'), '18 of 20');
    assert.match(await card.locator('.ai-timeline-event-title').textContent(), /DALL-E/);
    const link = card.locator('.ai-timeline-event-links a');
    assert.deepEqual((await link.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map((h) => h.replace(/^.*\//, '')), ['attention-toy.html', 'gan.html']);
    await page.keyboard.press('Shift+ArrowLeft');
    assert.equal(await stat('year'), '2014');
    await page.keyboard.press('ArrowRight');
    assert.equal(await stat('year'), '2016');
    await page.keyboard.press('ArrowRight');
    assert.equal(await stat('year'), '2017');
    assert.equal(await link.count(), 1);
    assert.match(await link.getAttribute('href'), /\/lessons\/attention-toy\.html$/);
    // Two back: the 2014 GANs link to the GAN lesson.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await stat('year'), '2014');
    assert.match(await card.locator('.ai-timeline-event-title').textContent(), /Generative adversarial networks/);
    assert.equal(await link.count(), 1);
    assert.match(await link.getAttribute('href'), /\/lessons\/gan\.html$/);
    assert.equal(await link.textContent(), 'Generative adversarial networks');
    await page.keyboard.press('Home');
    assert.equal(await stat('year'), '1943');
    await card.getByRole('button', { name: 'Later →' }).click();
    assert.equal(await stat('year'), '1950');
    await card.getByRole('button', { name: '← Earlier' }).click();
    assert.ok(await card.getByRole('button', { name: '← Earlier' }).isDisabled());

    if (width === 1280) {
      // A click on the 1969 marker on the axis (horizontal layout: 24 px margins, axis at 52 % height).
      const box = await canvas.boundingBox();
      const x = 24 + ((1969 - 1940) / (2026 - 1940)) * (box.width - 48);
      await page.mouse.click(box.x + x, box.y + Math.round(box.height * 0.52));
      assert.equal(await stat('year'), '1969');
      assert.match(await card.locator('.ai-timeline-event-detail').textContent(), /XOR/);
      assert.equal(await stat('era'), 'Symbolic AI');
      await page.keyboard.press('ArrowRight');
    } else {
      const box = await canvas.boundingBox();
      assert.ok(box.height > box.width, 'vertical layout on a phone');
    }
    await screenshot(page, `history-${width}`);
    assert.ok(await noNaNInCards(page));
    assert.deepEqual(offMachineRequests(page), []);
    assert.deepEqual(page.record.errors, []);
    await page.close();
  }
});


// A button that disables itself must not drop keyboard focus to the page body (web/lib/ui.js
// setDisabled): "Later →" on the second-to-last event, and "← Earlier" on the second event.
test('ai-timeline: Later on the last-but-one event and Earlier on the second keep the focus on a button', async () => {
  const page = await site.newPage();
  await page.goto(`${site.base}/lessons/history-of-ai.html`);
  await widgetsReady(page);
  const card = page.locator('.dw-card', { hasText: 'Eighty years of AI' });
  const stat = statReader(page, card);
  const later = card.getByRole('button', { name: 'Later →' });
  const earlier = card.getByRole('button', { name: '← Earlier' });
  await later.focus();
  for (let i = 1; i < 20; i++) await page.keyboard.press('Enter');
  assert.equal(await stat('event'), '20 of 20');
  assert.ok(await later.isDisabled(), 'nothing later than the last event');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '← Earlier', 'the focus moved to Earlier, not to the page body');
  await page.keyboard.press('Enter');
  assert.equal(await stat('event'), '19 of 20', 'Enter now goes back one');
  for (let i = 0; i < 18; i++) await page.keyboard.press('Enter');
  assert.equal(await stat('event'), '1 of 20');
  assert.ok(await earlier.isDisabled());
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Later →');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});
