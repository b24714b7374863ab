// The system switching between light and dark while a page is open: every Plot reads the colours
// again and redraws through its widget's onResize (web/lib/plot.js). Canvases are transparent over
// the card, so a plot left in the old scheme would draw near-black axes and text on a dark card.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './browser.mjs';
import { openLesson } from './probes.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site.close(); });

// Opaque pixels of a canvas that are dark (luma below 70) and light (above 185).
const darkAndLight = (canvas) => canvas.evaluate((c) => {
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let dark = 0, light = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] < 200) continue;
    const luma = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
    if (luma < 70) dark++; else if (luma > 185) light++;
  }
  return { dark, light };
});

test('a Plot follows a live switch of colour scheme: new theme, one redraw per switch, nothing after destroy', async () => {
  const page = await openLesson(site, 'fit-the-line');
  const seen = await page.evaluate(async () => {
    const { Plot } = await import('/lib/plot.js');
    const host = document.createElement('div');
    host.className = 'dw-card';
    document.body.append(host);
    let redraws = 0;
    const plot = new Plot(host, { onResize: () => { redraws++; } });
    window.schemeProbe = { plot, redraws: () => redraws, textColour: () => plot.theme.text };
    return { text: plot.theme.text, redraws };
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction((before) => window.schemeProbe.redraws() > before, seen.redraws);
  const dark = await page.evaluate(() => ({ text: window.schemeProbe.textColour(), redraws: window.schemeProbe.redraws() }));
  assert.notEqual(dark.text, seen.text, 'the text colour is read again in the dark scheme');
  assert.equal(dark.redraws, seen.redraws + 1, 'one redraw for one switch');
  await page.evaluate(() => window.schemeProbe.plot.destroy());
  await page.emulateMedia({ colorScheme: 'light' });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await page.evaluate(() => window.schemeProbe.redraws()), dark.redraws, 'a destroyed plot no longer listens');
  assert.deepEqual(page.record.errors, []);
  await page.close();
});

test('fit the line, opened light, switched to dark: its axes and labels are redrawn light, as a page opened dark draws them', async () => {
  const page = await openLesson(site, 'fit-the-line');
  const canvas = page.locator('.dw-card canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  const light = await darkAndLight(canvas);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  const switched = await darkAndLight(canvas);
  await page.close();
  const fresh = await openLesson(site, 'fit-the-line', { colorScheme: 'dark' });
  const opened = await darkAndLight(fresh.locator('.dw-card canvas').first());
  await fresh.close();
  const near = (a, b) => Math.abs(a - b) <= 0.1 * Math.max(a, b) + 20;
  const counts = `light ${JSON.stringify(light)}, switched ${JSON.stringify(switched)}, opened dark ${JSON.stringify(opened)}`;
  assert.ok(!near(light.dark, opened.dark) || !near(light.light, opened.light), `the two schemes draw differently (${counts})`);
  assert.ok(near(switched.dark, opened.dark) && near(switched.light, opened.light), `after the switch it draws as a page opened dark (${counts})`);
});
