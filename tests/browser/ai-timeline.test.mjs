// The AI timeline (history-of-ai lesson): keyboard, buttons and clicks move between events; the
// story and links follow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, offMachineRequests, screenshot, widgetsReady, openPage } from './browser.mjs';
import { afterNextFrame, canvasInk, statReader, noNaNInCards } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

test('ai-timeline: keyboard, buttons and clicks move between events; the story and links follow', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, '/lessons/history-of-ai.html', { width });
    const card = page.locator('.dw-card', { hasText: 'Eighty years of AI' });
    const stat = statReader(page, card);
    const canvas = card.locator('canvas').first();
    await afterNextFrame(page);
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
  const page = await openPage(site, '/lessons/history-of-ai.html');
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

// Every decade label shows whole at every width: nothing is drawn over it after it is written
// (the recent events crowd round 2020, and their leader lines and markers crossed "2020"). The
// page's canvas calls are recorded: each label's box, and the bounding box of every later
// stroke or fill (or other text), in the canvas's own coordinates.
test('ai-timeline: no line, marker or label is drawn over a decade label, at 375, 640, 768, 1024 and 1280 px', async () => {
  for (const width of [375, 640, 768, 1024, 1280]) {
    const page = await site.newPage({ width });
    await page.addInitScript(() => {
      const P = CanvasRenderingContext2D.prototype;
      const log = [];
      window.canvasLog = log;
      const box = new WeakMap();
      const grow = (ctx, x, y, r = 0) => {
        const m = ctx.getTransform();
        const px = m.a * x + m.c * y + m.e; const py = m.b * x + m.d * y + m.f;
        const rr = r * Math.hypot(m.a, m.b);
        const b = box.get(ctx) || { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
        b.x0 = Math.min(b.x0, px - rr); b.y0 = Math.min(b.y0, py - rr); b.x1 = Math.max(b.x1, px + rr); b.y1 = Math.max(b.y1, py + rr);
        box.set(ctx, b);
      };
      const wrap = (name, before) => { const f = P[name]; P[name] = function recorded(...a) { before(this, ...a); return f.apply(this, a); }; };
      wrap('beginPath', (ctx) => box.delete(ctx));
      wrap('moveTo', (ctx, x, y) => grow(ctx, x, y));
      wrap('lineTo', (ctx, x, y) => grow(ctx, x, y));
      wrap('arcTo', (ctx, x1, y1, x2, y2) => { grow(ctx, x1, y1); grow(ctx, x2, y2); });
      wrap('arc', (ctx, x, y, r) => grow(ctx, x, y, r));
      wrap('rect', (ctx, x, y, w, h) => { grow(ctx, x, y); grow(ctx, x + w, y + h); });
      const paint = (kind) => (ctx) => {
        const b = box.get(ctx);
        if (!b) return;
        const pad = kind === 'stroke' ? ctx.lineWidth / 2 * Math.hypot(ctx.getTransform().a, ctx.getTransform().b) : 0;
        log.push({ kind, canvas: ctx.canvas, x0: b.x0 - pad, y0: b.y0 - pad, x1: b.x1 + pad, y1: b.y1 + pad });
      };
      wrap('stroke', paint('stroke'));
      wrap('fill', paint('fill'));
      wrap('fillText', (ctx, text, x, y) => {
        const m = ctx.getTransform();
        const metrics = ctx.measureText(text);
        const [px, py] = [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
        const s = Math.hypot(m.a, m.b);
        log.push({ kind: 'text', text: String(text), canvas: ctx.canvas, x0: px - metrics.actualBoundingBoxLeft * s, x1: px + metrics.actualBoundingBoxRight * s, y0: py - metrics.actualBoundingBoxAscent * s, y1: py + metrics.actualBoundingBoxDescent * s, rotated: m.b !== 0 });
      });
    });
    await page.goto(`${site.base}/lessons/history-of-ai.html`);
    await widgetsReady(page);
    const card = page.locator('.dw-card', { hasText: 'Eighty years of AI' });
    // One frame, logged from a clean start: the keyboard selects 1950 (a large marker and the
    // focus ring, right beside the 1950 label), then 2020's GPT-3 among the crowded recent events.
    const canvas = card.locator('canvas').first();
    await canvas.focus();
    for (const [key, year] of [['ArrowRight', '1950'], ['End', '2023–24'], ['ArrowLeft', '2022'], ['ArrowLeft', '2021'], ['ArrowLeft', '2020']]) {
      await page.keyboard.press(key);
      assert.equal(await card.locator('.dw-stat[data-stat="year"] .dw-stat-value').textContent(), year);
      await afterNextFrame(page);
      if (year !== '1950' && year !== '2020') continue;
      await canvas.evaluate((c) => { window.canvasLog.length = 0; window.timelineCanvas = c; });
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowRight');
      await afterNextFrame(page);
    const covered = await page.evaluate(() => {
      const ops = window.canvasLog.filter((o) => o.canvas === window.timelineCanvas);
      const lastDecade = {};
      ops.forEach((o, i) => { if (o.kind === 'text' && /^(19|20)\d0$/.test(o.text)) lastDecade[o.text] = i; });
      const out = [];
      for (const [text, i] of Object.entries(lastDecade)) {
        const t = ops[i];
        for (const o of ops.slice(i + 1)) {
          if (o.rotated) continue;
          const overlap = Math.min(t.x1, o.x1) - Math.max(t.x0, o.x0) > 0.5 && Math.min(t.y1, o.y1) - Math.max(t.y0, o.y0) > 0.5;
          if (overlap) { out.push(`${text} under a later ${o.kind}${o.text ? ` "${o.text}"` : ''}`); break; }
        }
      }
      return { decades: Object.keys(lastDecade).length, out };
    });
      assert.equal(covered.decades, 9, `at ${width} px all nine decade labels are written`);
      assert.deepEqual(covered.out, [], `at ${width} px with ${year} selected`);
    }
    await page.close();
  }
});
